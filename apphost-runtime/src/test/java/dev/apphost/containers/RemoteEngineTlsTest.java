package dev.apphost.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS settings for a remote engine, from the environment or the AppHost's configuration, reach docker-java. */
class RemoteEngineTlsTest {

    @TempDir
    Path certs;

    @Test
    void configurationKeysStandForTheDockerVariables() {
        Map<String, String> config = Map.of(ContainerEngineLocator.HOST_KEY, "tcp://build-box:2376",
                ContainerEngineLocator.TLS_VERIFY_KEY, "true", ContainerEngineLocator.CERT_PATH_KEY, certs.toString());
        Map<String, String> env = ContainerEngineLocator.withConfiguration(
                Map.of("DOCKER_HOST", "unix:///var/run/docker.sock", "PATH", "/bin"), config::get);
        assertThat(env).containsEntry("DOCKER_HOST", "tcp://build-box:2376").containsEntry("DOCKER_TLS_VERIFY", "true")
                .containsEntry("DOCKER_CERT_PATH", certs.toString()).containsEntry("PATH", "/bin");
        assertThat(new ContainerEngineLocator(env).candidates())
                .containsExactly(new ContainerEngineLocator.Candidate("docker", "tcp://build-box:2376", "DOCKER_HOST"));
    }

    @Test
    void tlsVerifyAndTheCertificateFolderReachTheClientConfig() throws Exception {
        Files.writeString(certs.resolve("ca.pem"), "");
        Map<String, String> env = Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString());
        DockerClientConfig config = ContainerEngineLocator.clientConfig("tcp://build-box:2376", env);
        assertThat(config.getDockerHost().toString()).isEqualTo("tcp://build-box:2376");
        assertThat(config.getSSLConfig()).isInstanceOf(LocalDirectorySSLConfig.class);
        assertThat(((LocalDirectorySSLConfig) config.getSSLConfig()).getDockerCertPath()).isEqualTo(certs.toString());
    }

    @Test
    void withoutVerificationOrOnAUnixSocketThereIsNoTls() {
        assertThat(ContainerEngineLocator.clientConfig("tcp://build-box:2375", Map.of("DOCKER_TLS_VERIFY", "0")).getSSLConfig()).isNull();
        assertThat(ContainerEngineLocator.clientConfig("tcp://build-box:2375", Map.of()).getSSLConfig()).isNull();
        assertThat(ContainerEngineLocator.clientConfig("unix:///var/run/docker.sock",
                Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString())).getSSLConfig()).isNull();
    }

    @Test
    void theCertificateFolderDefaultsToDotDockerLikeTheCli() {
        Map<String, String> env = Map.of("DOCKER_TLS_VERIFY", "1", "HOME", "/home/dev");
        assertThat(new ContainerEngineLocator(env).connectionEnvironment("tcp://build-box:2376"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("DOCKER_HOST", "tcp://build-box:2376", "DOCKER_TLS_VERIFY", "1",
                        "DOCKER_CERT_PATH", "/home/dev/.docker"));
        assertThat(new ContainerEngineLocator(env).connectionEnvironment("unix:///var/run/docker.sock"))
                .containsExactly(Map.entry("DOCKER_HOST", "unix:///var/run/docker.sock"));
    }

    @Test
    void theReaperConnectsWithTheAppHostsTlsSettingsNotItsOwn() throws Exception {
        Path spaced = Files.createDirectories(certs.resolve("my certs"));
        Map<String, String> appHostSide = new ContainerEngineLocator(Map.of("DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", spaced.toString())).connectionEnvironment("tcp://build-box:2376");
        String line = dev.apphost.watchdog.WatchdogTestAccess.sessionCommand("s1", appHostSide);
        assertThat(line).startsWith("container-session s1 ").doesNotContain("my certs");

        Map<String, String> reaperOwn = new HashMap<>(Map.of("DOCKER_HOST", "unix:///elsewhere.sock",
                "DOCKER_CERT_PATH", "/wrong", "PATH", "/bin"));
        Map<String, String> reaperEnv = dev.apphost.watchdog.WatchdogTestAccess.reaperEngineEnvironment(reaperOwn,
                line.substring("container-session s1 ".length()));
        assertThat(reaperEnv).containsEntry("DOCKER_HOST", "tcp://build-box:2376").containsEntry("DOCKER_TLS_VERIFY", "1")
                .containsEntry("DOCKER_CERT_PATH", spaced.toString()).containsEntry("PATH", "/bin");
        DockerClientConfig config = ContainerEngineLocator.clientConfig(reaperEnv.get("DOCKER_HOST"), reaperEnv);
        assertThat(((LocalDirectorySSLConfig) config.getSSLConfig()).getDockerCertPath()).isEqualTo(spaced.toString());
    }
}
