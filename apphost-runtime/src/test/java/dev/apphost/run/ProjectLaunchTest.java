package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.model.ComputeSettings;
import dev.apphost.model.ProjectResource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLaunchTest {

    private static ProjectResource project(Path dir) {
        return new ProjectResource("proj", dir.resolve("pom.xml"),
                new ComputeSettings(List.of(), List.of(), List.of(), List.of(), null, false));
    }

    @Test
    void scannerFindsEveryPublicStaticMain(@TempDir Path dir) throws Exception {
        TestModules.create(dir, null);
        assertThat(dev.apphost.launch.MainClassResolver.findMainClasses(dir.resolve("target/classes"))).containsExactly("demo.Main", "demo.Tool");
    }

    @Test
    void pomPropertyChoosesTheMainClass(@TempDir Path dir) throws Exception {
        TestModules.create(dir, "demo.Main");
        ProjectLaunchSpec spec = new TargetClassesLaunchResolver().resolve(project(dir));
        assertThat(spec.mainClass()).isEqualTo("demo.Main");
        assertThat(spec.classpath()).containsExactly(dir.resolve("target/classes"));
        assertThat(spec.workingDirectory()).isEqualTo(dir);
    }

    @Test
    void severalCandidatesAreListed(@TempDir Path dir) throws Exception {
        TestModules.create(dir, null);
        assertThatThrownBy(() -> new TargetClassesLaunchResolver().resolve(project(dir)))
                .isInstanceOf(ResourceStartException.class)
                .hasMessageContaining("demo.Main, demo.Tool").hasMessageContaining("<apphost.mainClass>");
    }

    @Test
    void anUncompiledModuleIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> new TargetClassesLaunchResolver().resolve(project(dir)))
                .hasMessageContaining("has not been compiled").hasMessageContaining("target");
    }

    @Test
    void longClasspathsGoThroughAnArgfile() throws Exception {
        List<Path> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(Path.of("/some/rather/long/path/to/a/dependency-" + i + ".jar"));
        }
        List<String> args = ProcessExecutor.classpathArgs("proj", many);
        assertThat(args).hasSize(1);
        assertThat(args.get(0)).startsWith("@");
        assertThat(java.nio.file.Files.readString(Path.of(args.get(0).substring(1)))).startsWith("-cp\n\"/some");
        assertThat(ProcessExecutor.classpathArgs("proj", List.of(Path.of("/a")))).containsExactly("-cp", "/a");
    }
}
