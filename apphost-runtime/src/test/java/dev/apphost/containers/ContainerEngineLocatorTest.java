package dev.apphost.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine discovery; none of these needs a running engine. */
class ContainerEngineLocatorTest {

    @Test
    void defaultCandidatesDockerFirstThenPodman() {
        var candidates = new ContainerEngineLocator(Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "HOME", "/home/u")).candidates();
        assertThat(candidates).extracting(ContainerEngineLocator.Candidate::host).containsExactly(
                "unix:///var/run/docker.sock", "unix:///home/u/.docker/run/docker.sock", "unix:///run/user/1000/docker.sock",
                "unix:///run/podman/podman.sock", "unix:///run/user/1000/podman/podman.sock");
    }

    @Test
    void runtimeVariableRestrictsAndDockerHostIsExclusive() {
        assertThat(new ContainerEngineLocator(Map.of("ASPIRE_CONTAINER_RUNTIME", "podman", "HOME", "/h")).candidates())
                .extracting(ContainerEngineLocator.Candidate::runtime).containsOnly("podman");
        assertThat(new ContainerEngineLocator(Map.of("APPHOST_CONTAINER_RUNTIME", "Docker", "HOME", "/h")).candidates())
                .extracting(ContainerEngineLocator.Candidate::runtime).containsOnly("docker");
        assertThat(new ContainerEngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")).candidates())
                .containsExactly(new ContainerEngineLocator.Candidate("docker", "tcp://127.0.0.1:2375", "DOCKER_HOST"));
        assertThatThrownBy(() -> new ContainerEngineLocator(Map.of("APPHOST_CONTAINER_RUNTIME", "containerd")).candidates())
                .isInstanceOf(ContainerEngineUnavailableException.class)
                .hasMessageContaining("APPHOST_CONTAINER_RUNTIME='containerd'").hasMessageContaining("docker or podman");
    }

    @Test
    void unreachableEngineGivesAClearErrorQuickly() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new ContainerEngineLocator(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock")).connect())
                .isInstanceOf(ContainerEngineUnavailableException.class)
                .hasMessageContaining("No container engine is reachable")
                .hasMessageContaining("unix:///nonexistent/docker.sock (docker, DOCKER_HOST): no socket file at /nonexistent/docker.sock")
                .hasMessageContaining("scripts/container-setup.sh")
                .hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("APPHOST_CONTAINER_RUNTIME");
        System.out.printf("unreachable engine reported in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void refusedTcpEngine() {
        assertThatThrownBy(() -> new ContainerEngineLocator(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1")).connect())
                .isInstanceOf(ContainerEngineUnavailableException.class)
                .hasMessageContaining("tcp://127.0.0.1:1 (docker, DOCKER_HOST): connection refused");
    }

    @Test
    void staleSocketIsRefused(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        } // closed: the file stays, nobody listens
        assertThatThrownBy(() -> new ContainerEngineLocator(Map.of("DOCKER_HOST", "unix://" + socket)).connect())
                .isInstanceOf(ContainerEngineUnavailableException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void hungEngineGivesAClearErrorWithinTheDeadline(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (HungEngine hung = HungEngine.listen(socket)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new ContainerEngineLocator(Map.of("DOCKER_HOST", hung.dockerHost())).connect())
                    .isInstanceOf(ContainerEngineUnavailableException.class)
                    .hasMessageContaining("unix://" + socket + " (docker, DOCKER_HOST): did not answer within 3000 ms")
                    .hasMessageContaining("hung");
            System.out.printf("hung engine reported in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
