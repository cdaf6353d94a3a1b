package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void argsBeatEnvironmentBeatSecretsBeatPropertiesFile() {
        Configuration configuration = Configuration.of(
                Map.of("Parameters.a", "file", "Parameters.b", "file", "Parameters.c", "file", "Parameters.d", "file"),
                Map.of("Parameters:a", "secret", "Parameters:b", "secret", "Parameters:c", "secret"),
                Map.of("Parameters__a", "env", "PARAMETERS__B", "env"),
                List.of("--Parameters:a=arg"));
        assertThat(configuration.get("parameters:A")).isEqualTo("arg");
        assertThat(configuration.get("Parameters:b")).isEqualTo("env");
        assertThat(configuration.get("Parameters:c")).isEqualTo("secret");
        assertThat(configuration.get("Parameters:d")).isEqualTo("file");
        assertThat(configuration.get("Parameters:e")).isNull();
        assertThat(configuration.get("Parameters:e", "x")).isEqualTo("x");
    }

    @Test
    void argumentForms() {
        Configuration configuration = Configuration.of(Map.of(), Map.of(), Map.of(),
                List.of("--a=1", "--b", "2", "c=3", "/d=4", "--e:f", "5", "stray", "--publisher", "manifest",
                        "--output-path", "out.json"));
        assertThat(configuration.get("a")).isEqualTo("1");
        assertThat(configuration.get("b")).isEqualTo("2");
        assertThat(configuration.get("c")).isEqualTo("3");
        assertThat(configuration.get("d")).isEqualTo("4");
        assertThat(configuration.get("e:f")).isEqualTo("5");
        assertThat(configuration.get(Configuration.PUBLISHER_KEY)).isEqualTo("manifest");
        assertThat(configuration.get(Configuration.OUTPUT_PATH_KEY)).isEqualTo("out.json");
    }

    @Test
    void publishModeFollowsThePublisherSwitch() {
        assertThat(ExecutionContext.from(Configuration.of(Map.of(), Map.of(), Map.of(), List.of())).isRunMode()).isTrue();
        ExecutionContext publish = ExecutionContext.from(
                Configuration.of(Map.of(), Map.of(), Map.of(), List.of("--publisher", "manifest")));
        assertThat(publish.isPublishMode()).isTrue();
        assertThat(publish.publisherName()).isEqualTo("manifest");
    }

    @Test
    void propertiesFileBesideTheAppHost(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("apphost.properties"), "Parameters.greeting=hello\nConnectionStrings\\:db=Host=x\n");
        Configuration configuration = Configuration.load(dir, Map.of(), List.of());
        assertThat(configuration.get("Parameters:greeting")).isEqualTo("hello");
        assertThat(configuration.get("ConnectionStrings:db")).isEqualTo("Host=x");
    }

    @Test
    void userSecretsAreStablePerAppHostFolder(@TempDir Path dir) {
        assertThat(UserSecrets.appHostId(Path.of("/a/b"))).isEqualTo(UserSecrets.appHostId(Path.of("/a/b/../b")))
                .isNotEqualTo(UserSecrets.appHostId(Path.of("/a/c")));
        UserSecrets secrets = new UserSecrets(dir.resolve("x/secrets.properties"));
        secrets.put("Parameters:cache-password", "abc");
        secrets.put("Parameters:other", "def");
        assertThat(secrets.read()).containsEntry("Parameters:cache-password", "abc").containsEntry("Parameters:other", "def");
    }
}
