package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.model.ComputeSettings;
import dev.apphost.model.ProjectResource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanResolverTest {

    private static ProjectResource project(String name, Path pom) {
        return new ProjectResource(name, pom, new ComputeSettings(List.of(), List.of(), List.of(), List.of(), null, false));
    }

    private static ProjectLaunch module(Path root, String artifactId, String mainClass, List<String> candidates) {
        try {
            java.nio.file.Files.writeString(root.resolve("pom.xml"), "<project/>");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path dir = root.resolve(artifactId);
        writePom(dir);
        return new ProjectLaunch(dir.resolve("pom.xml"), "com.example", artifactId, "1.0", dir,
                dir.resolve("target/classes"), List.of(dir.resolve("target/classes"), Path.of("/m2/dep.jar")),
                mainClass, candidates);
    }

    private static void writePom(Path module) {
        try {
            java.nio.file.Files.createDirectories(module);
            java.nio.file.Files.writeString(module.resolve("pom.xml"), "<project/>");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPathThatIsNotAModuleSaysSoWithoutAskingForThePlan(@TempDir Path root) throws Exception {
        java.nio.file.Files.writeString(root.resolve("pom.xml"), "<project/>");
        java.nio.file.Files.createDirectories(root.resolve("docs"));
        var resolver = new LaunchPlanResolver(root, () -> {
            throw new AssertionError("the plan is not needed to see that there is no module");
        });
        assertThatThrownBy(() -> resolver.resolve(project("api", root.resolve("docs/pom.xml"))))
                .isInstanceOf(ResourceStartException.class)
                .hasMessageContaining("Project resource 'api': " + root.resolve("docs") + " is not a Maven module");
    }

    @Test
    void modulesOfThePlanRunWithItsClasspathAndMainClass(@TempDir Path root) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("api/target/classes"));
        LaunchPlan plan = new LaunchPlan(root.resolve("apphost"), root,
                List.of(module(root, "api", "com.example.Api", List.of("com.example.Api"))));
        AtomicInteger asked = new AtomicInteger();
        var resolver = new LaunchPlanResolver(root, () -> {
            asked.incrementAndGet();
            return plan;
        });
        ProjectLaunchSpec spec = resolver.resolve(project("api", root.resolve("api/pom.xml")));
        assertThat(spec.mainClass()).isEqualTo("com.example.Api");
        assertThat(spec.classpath()).containsExactly(root.resolve("api/target/classes"), Path.of("/m2/dep.jar"));
        assertThat(spec.workingDirectory()).isEqualTo(root.resolve("api"));
        resolver.resolve(project("api2", root.resolve("api/pom.xml")));
        assertThat(asked).hasValue(1);
    }

    @Test
    void aModuleWithoutMainClassNamesTheCandidatesAndTheProperty(@TempDir Path root) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("tools/target/classes"));
        LaunchPlan plan = new LaunchPlan(root.resolve("apphost"), root,
                List.of(module(root, "tools", null, List.of("a.One", "b.Two"))));
        var resolver = new LaunchPlanResolver(root, () -> plan);
        assertThatThrownBy(() -> resolver.resolve(project("tools", root.resolve("tools/pom.xml"))))
                .isInstanceOf(ResourceStartException.class)
                .hasMessageStartingWith("Project resource 'tools': Several main classes found in module 'tools'")
                .hasMessageContaining("a.One, b.Two")
                .hasMessageContaining("<apphost.mainClass>");
    }

    @Test
    void anUncompiledModuleSaysSo(@TempDir Path root) {
        LaunchPlan plan = new LaunchPlan(root.resolve("apphost"), root,
                List.of(module(root, "api", "com.example.Api", List.of())));
        var resolver = new LaunchPlanResolver(root, () -> plan);
        assertThatThrownBy(() -> resolver.resolve(project("api", root.resolve("api/pom.xml"))))
                .hasMessageContaining("has not been compiled").hasMessageContaining("api/target/classes");
    }

    @Test
    void aPlanThatCannotBeHadFailsTheProjectsClearly(@TempDir Path root) throws Exception {
        java.nio.file.Files.writeString(root.resolve("pom.xml"), "<project/>");
        var resolver = new LaunchPlanResolver(root, () -> {
            throw new IllegalStateException("mvn exited with 1");
        });
        writePom(root.resolve("api"));
        assertThatThrownBy(() -> resolver.resolve(project("api", root.resolve("api/pom.xml"))))
                .hasMessageContaining("Cannot tell how to run project resource 'api'")
                .hasMessageContaining("mvn exited with 1");
    }

    @Test
    void projectsOutsideTheReactorRunFromTheirOwnTargetClasses(@TempDir Path dir) throws Exception {
        TestModules.create(dir.resolve("elsewhere"), "demo.Main");
        var resolver = new LaunchPlanResolver(dir.resolve("reactor"), () -> {
            throw new AssertionError("the plan is not needed");
        });
        ProjectLaunchSpec spec = resolver.resolve(project("x", dir.resolve("elsewhere/pom.xml")));
        assertThat(spec.mainClass()).isEqualTo("demo.Main");
    }
}
