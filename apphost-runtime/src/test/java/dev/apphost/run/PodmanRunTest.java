package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ContainerEngineUnavailableException;
import dev.apphost.containers.ResourceLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app whose AppHost configuration points at Podman ({@code ContainerEngine:Host}): the whole run
 * path up to the container start, against the real Podman service. Skipped when it does not answer.
 */
@Tag("podman")
class PodmanRunTest {

    private static final String PODMAN = "unix:///run/podman/podman.sock";

    @TempDir
    Path temp;

    @Test
    void aContainerOnPodmanReachesTheEnginesStartAndReportsItsAnswer() throws Exception {
        ContainerEngine podman;
        try {
            podman = new ContainerEngineLocator(Map.of("DOCKER_HOST", PODMAN)).connect();
        } catch (ContainerEngineUnavailableException e) {
            Assumptions.abort("Skipping Podman test (run scripts/setup-podman.sh): " + e.getMessage());
            return;
        }
        String appName = "podman-run-" + Long.toString(System.nanoTime() & 0xffffff, 36);
        Path appDir = Files.createDirectories(temp.resolve(appName));
        try (podman) {
            Assumptions.assumeTrue(podman.imageExists("local/busybox:1"), "local/busybox:1 is not in Podman; run scripts/setup-podman.sh");
            var b = TestApps.builder(appDir, Map.of(ContainerEngineLocator.HOST_KEY, PODMAN));
            var first = b.addContainer("box", "local/busybox", "1").withEntrypoint("/bin/sh").withArgs("-c", "echo up; sleep 30")
                    .withHttpEndpoint(null, 80, "http");
            // a second container that references the first, so that the session has its network
            b.addContainer("box2", "local/busybox", "1").withEntrypoint("/bin/sh").withArgs("-c", "sleep 30").withReference(first);
            try (DistributedApplication app = b.build()) {
                app.start();
                var box = app.resourceSnapshot("box");
                if (box.state().equals("FailedToStart")) {
                    // This sandbox refuses Podman's container starts: the message is the engine's own.
                    assertThat(box.message()).contains("Container resource 'box' could not be started").contains("runc");
                } else {
                    app.resourceNotifications().waitForResource("box", "Running", Duration.ofSeconds(30));
                }
                Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName);
                assertThat(podman.listNetworks(mine)).as("the session network is on Podman").isNotEmpty();
            }
            Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName);
            assertThat(podman.listContainers(mine)).isEmpty();
            assertThat(podman.listNetworks(mine)).as("removed at close").isEmpty();
        }
    }
}
