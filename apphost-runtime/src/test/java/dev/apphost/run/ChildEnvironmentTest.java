package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Children get the AppHost's environment minus its configuration (secrets), plus what the model says. */
class ChildEnvironmentTest {

    @Test
    void theAppHostsConfigurationSectionsAreDroppedWhateverTheirCase() {
        Map<String, String> env = ChildEnvironment.of(Map.of("Parameters__pw", "s", "CONNECTIONSTRINGS__db", "c",
                "apphost__ShutdownTimeout", "1", "Publishing__Publisher", "m", "PATH", "/bin", "Parametersfoo", "k",
                "MY_ConnectionStrings__x", "k"), Map.of("ConnectionStrings__cache", "model"));
        assertThat(env).containsOnlyKeys("PATH", "Parametersfoo", "MY_ConnectionStrings__x", "ConnectionStrings__cache");
        assertThat(env).containsEntry("ConnectionStrings__cache", "model");
    }

    @Test
    void aChildDoesNotInheritTheAppHostsSecrets() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessExecutor.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), ChildEnvAppHost.class.getName()).redirectErrorStream(true);
        builder.environment().put("Parameters__password", "s3cret-parameter");
        builder.environment().put("ConnectionStrings__db", "s3cret-connection");
        builder.environment().put("ConnectionStrings__mine", "inherited");
        builder.environment().put("KEEP_ME", "kept");
        Process p = builder.start();
        List<String> output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        List<String> childEnv = output.stream().filter(l -> l.startsWith("CHILD-ENV ")).map(l -> l.substring(10)).toList();
        assertThat(childEnv).as("output: %s", output).contains("KEEP_ME=kept", "ConnectionStrings__mine=from-the-model");
        assertThat(String.join("\n", childEnv)).doesNotContain("s3cret");
    }
}
