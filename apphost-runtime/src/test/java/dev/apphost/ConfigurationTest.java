package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void argsBeatEnvironmentBeatSecretsBeatPropertiesFile() {
        Configuration c = Configuration.of(
                Map.of("a", "file", "b", "file", "c", "file", "d", "file"),
                Map.of("a", "secret", "b", "secret", "c", "secret"),
                Map.of("a", "env", "b", "env"),
                List.of("--a=arg"));
        assertThat(c.get("a")).isEqualTo("arg");
        assertThat(c.get("b")).isEqualTo("env");
        assertThat(c.get("c")).isEqualTo("secret");
        assertThat(c.get("d")).isEqualTo("file");
        assertThat(c.get("e")).isNull();
    }

    @Test
    void doubleUnderscoreSeparatesKeysAndKeysIgnoreCase() {
        Configuration c = Configuration.of(Map.of(), Map.of(), Map.of("Parameters__Password", "pw"), List.of());
        assertThat(c.get("parameters:password")).isEqualTo("pw");
        assertThat(c.get("Parameters:Password")).isEqualTo("pw");
    }

    @Test
    void propertiesFileKeysMaySeparateWithDots() {
        Configuration c = Configuration.of(Map.of("AppHost.ShutdownTimeout", "2"), Map.of(), Map.of(), List.of());
        assertThat(c.get("AppHost:ShutdownTimeout")).isEqualTo("2");
    }

    @Test
    void argumentFormsDashedWithSpaceEqualsAndBare() {
        Configuration c = Configuration.of(Map.of(), Map.of(), Map.of(),
                List.of("--k", "v", "--x=1", "y=2", "/z", "3", "lonely"));
        assertThat(c.get("k")).isEqualTo("v");
        assertThat(c.get("x")).isEqualTo("1");
        assertThat(c.get("y")).isEqualTo("2");
        assertThat(c.get("z")).isEqualTo("3");
        assertThat(c.get("lonely")).isNull();
    }

    @Test
    void publisherSwitchMapsToPublishingKey() {
        Configuration c = Configuration.of(Map.of(), Map.of(), Map.of(), List.of("--publisher", "manifest"));
        assertThat(c.get(Configuration.PUBLISHER_KEY)).isEqualTo("manifest");
    }
}
