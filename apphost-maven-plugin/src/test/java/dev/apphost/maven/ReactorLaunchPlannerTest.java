package dev.apphost.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.maven.fork.AppHostLocator;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorLaunchPlannerTest {

    @TempDir
    Path dir;

    private MavenProject project(String artifactId, String packaging) {
        MavenProject project = TestModules.module(dir, artifactId, packaging);
        project.setArtifacts(new LinkedHashSet<>());
        return project;
    }

    private static Artifact artifact(String groupId, String artifactId, String scope, File file) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler("jar");
        handler.setAddedToClasspath(true);
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, "jar", null, handler);
        artifact.setFile(file);
        return artifact;
    }

    @Test
    void classpathIsClassesThenRuntimeArtifactsWithReactorModulesAsTheirClasses() {
        MavenProject lib = project("lib", "jar");
        MavenProject api = project("api", "jar");
        File jackson = dir.resolve("repo/jackson.jar").toFile();
        Set<Artifact> artifacts = new LinkedHashSet<>(List.of(
                artifact("g", "lib", "compile", null),
                artifact("com.fasterxml", "jackson", "runtime", jackson),
                artifact("org.junit", "junit", "test", dir.resolve("repo/junit.jar").toFile()),
                artifact("javax.servlet", "servlet-api", "provided", dir.resolve("repo/servlet.jar").toFile())));
        api.setArtifacts(artifacts);

        List<Path> classpath = new ReactorLaunchPlanner(List.of(lib, api)).classpath(api);

        assertThat(classpath).containsExactly(dir.resolve("api/target/classes"), dir.resolve("lib/target/classes"),
                jackson.toPath());
    }

    @Test
    void reactorDependenciesLeftOutByAggregatorResolutionAreAddedTransitively() {
        MavenProject core = project("core", "jar");
        MavenProject lib = project("lib", "jar");
        Dependency onCore = new Dependency();
        onCore.setGroupId("g");
        onCore.setArtifactId("core");
        onCore.setVersion("1.0");
        lib.getModel().addDependency(onCore);
        MavenProject api = project("api", "jar");
        Dependency onLib = new Dependency();
        onLib.setGroupId("g");
        onLib.setArtifactId("lib");
        onLib.setVersion("1.0");
        api.getModel().addDependency(onLib);

        List<Path> classpath = new ReactorLaunchPlanner(List.of(core, lib, api)).classpath(api);

        assertThat(classpath).containsExactly(dir.resolve("api/target/classes"), dir.resolve("lib/target/classes"),
                dir.resolve("core/target/classes"));
    }

    @Test
    void planHoldsEveryNonPomModuleButTheAppHost() {
        MavenProject parent = project("parent", "pom");
        MavenProject api = project("api", "jar");
        api.getProperties().setProperty("exec.mainClass", "com.example.Api");
        MavenProject host = project("host", "jar");
        ReactorLaunchPlanner planner = new ReactorLaunchPlanner(List.of(parent, api, host));

        LaunchPlan plan = planner.plan(host, dir, java.util.Set.of());

        assertThat(plan.appHostDirectory()).isEqualTo(dir.resolve("host"));
        assertThat(plan.projects()).extracting(ProjectLaunch::artifactId).containsExactly("api");
        assertThat(plan.projects().get(0).mainClass()).isEqualTo("com.example.Api");
        assertThat(planner.modules()).extracting(AppHostLocator.Module::artifactId).containsExactly("api", "host");
    }

    @Test
    void excludedModulesAreNotPlanned() {
        MavenProject api = project("api", "jar");
        MavenProject lib = project("shared-lib", "jar");
        MavenProject host = project("host", "jar");

        LaunchPlan plan = new ReactorLaunchPlanner(List.of(api, lib, host)).plan(host, dir, java.util.Set.of("shared-lib"));

        assertThat(plan.projects()).extracting(ProjectLaunch::artifactId).containsExactly("api");
    }

    @Test
    void springBootStarterParentsUnresolvedManifestMainClassFallsBackToTheScan() {
        MavenProject api = project("api", "jar");
        Plugin jar = new Plugin();
        jar.setGroupId("org.apache.maven.plugins");
        jar.setArtifactId("maven-jar-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom archive = new Xpp3Dom("archive");
        Xpp3Dom manifest = new Xpp3Dom("manifest");
        Xpp3Dom mainClass = new Xpp3Dom("mainClass");
        mainClass.setValue("${start-class}");
        manifest.addChild(mainClass);
        archive.addChild(manifest);
        configuration.addChild(archive);
        jar.setConfiguration(configuration);
        api.getBuild().addPlugin(jar);

        ProjectLaunch launch = new ReactorLaunchPlanner(List.of(api)).launch(api);

        assertThat(launch.mainClass()).isNull(); // no classes compiled: the scan finds none, the placeholder is not used
    }

    @Test
    void readsTheJarPluginManifestMainClass() {
        MavenProject api = project("api", "jar");
        Plugin jar = new Plugin();
        jar.setGroupId("org.apache.maven.plugins");
        jar.setArtifactId("maven-jar-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom archive = new Xpp3Dom("archive");
        Xpp3Dom manifest = new Xpp3Dom("manifest");
        Xpp3Dom mainClass = new Xpp3Dom("mainClass");
        mainClass.setValue("com.example.FromJar");
        manifest.addChild(mainClass);
        archive.addChild(manifest);
        configuration.addChild(archive);
        jar.setConfiguration(configuration);
        api.getModel().getBuild().addPlugin(jar);

        assertThat(ReactorLaunchPlanner.manifestMainClass(api)).isEqualTo("com.example.FromJar");
        assertThat(new ReactorLaunchPlanner(List.of(api)).launch(api).mainClass()).isEqualTo("com.example.FromJar");
    }
}
