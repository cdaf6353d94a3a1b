package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.model.ProjectResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectJvmOptionsTest {

    @Test
    void defaultsComeFirstAndTheProjectsOwnWin() {
        assertThat(ProjectJvmOptions.of(List.of())).containsExactlyElementsOf(ProjectJvmOptions.DEFAULTS);
        assertThat(ProjectJvmOptions.of(List.of("-Xmx1g", "-XX:TieredStopAtLevel=4")))
                .containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAMPercentage=10",
                        "-Xmx1g", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void aCollectorOfTheProjectReplacesTheSerialDefault() {
        assertThat(ProjectJvmOptions.of(List.of("-XX:+UseG1GC"))).doesNotContain("-XX:+UseSerialGC").contains("-XX:+UseG1GC");
    }

    @Test
    void theBuilderKeepsTheOptionsAndRejectsProgramArguments() {
        var builder = DistributedApplication.createBuilder();
        var project = builder.addProject("api", "../api").withJvmArgs("-Xmx256m", "-Dspring.profiles.active=dev");

        assertThat(((ProjectResource) project.resource()).jvmArgs()).containsExactly("-Xmx256m", "-Dspring.profiles.active=dev");
        assertThatThrownBy(() -> project.withJvmArgs("server.port=1"))
                .hasMessageContaining("Resource 'api': JVM option 'server.port=1'");
    }

    @Test
    void theDefaultsStartARealJvm() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessExecutor.javaExecutable()));
        command.addAll(ProjectJvmOptions.of(List.of("-Xmx64m")));
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
    }
}
