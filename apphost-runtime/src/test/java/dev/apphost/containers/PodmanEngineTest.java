package dev.apphost.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Against Podman's Docker-compatible service ({@code scripts/setup-podman.sh} starts it on
 * {@code /run/podman/podman.sock} and loads the test images): everything up to the container start.
 * Where the sandbox refuses Podman's container starts (runc cannot set rlimits), the start failure
 * must carry the engine's own reason. Skipped, with the reason, when the service does not answer.
 */
@Tag("podman")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodmanEngineTest {

    private static final Map<String, String> PODMAN_ONLY = Map.of("APPHOST_CONTAINER_RUNTIME", "podman",
            "HOME", System.getProperty("user.home"));

    private final String session = "podman-" + EngineTestSupport.randomSuffix();
    private DockerJavaContainerEngine engine;
    private String skipReason;

    @BeforeAll
    void connect() {
        try {
            engine = (DockerJavaContainerEngine) new ContainerEngineLocator(PODMAN_ONLY).connect();
        } catch (ContainerEngineUnavailableException e) {
            skipReason = "Skipping Podman test (run scripts/setup-podman.sh): " + e.getMessage();
            return;
        }
        for (String image : List.of(EngineTestSupport.BUSYBOX, EngineTestSupport.HTTPD)) {
            if (skipReason == null && !engine.imageExists(image)) {
                skipReason = "Skipping Podman test: image " + image + " is not in Podman; run scripts/setup-podman.sh";
            }
        }
    }

    @BeforeEach
    void skipWithoutPodman() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @AfterAll
    void cleanUp() {
        if (engine != null) {
            engine.removeAll(ResourceLabels.sessionFilter(session));
            engine.close();
        }
    }

    @Test
    void discoveryFindsPodmanAndNamesIt() {
        assertThat(engine.info().runtime()).isEqualTo("podman");
        assertThat(engine.info().host()).isEqualTo("unix:///run/podman/podman.sock");
        assertThat(engine.info().version()).isNotBlank();
    }

    @Test
    void shortNamesResolveToTheImagesTheSetupLoaded() {
        assertThat(engine.imageExists("local/httpd:1")).isTrue();
        assertThat(engine.imageExists(ImageReference.parse("local/httpd:1").normalizedRepository() + ":1")).isTrue();
        assertThat(engine.imageExists("local/httpd:no-such-tag")).isFalse();
    }

    @Test
    void aMissingImageReportsPodmansWholeReason() {
        String image = "local/apphost-missing:" + EngineTestSupport.randomSuffix();
        assertThatThrownBy(() -> engine.ensureImage(image, line -> { }))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("'" + image + "' is not present locally and could not be pulled: ")
                .hasMessageContaining("registry-1.docker.io");
    }

    @Test
    void createCarriesLabelsInitNetworkAndPortsAndTheSweepJudgesItsOwner() throws Exception {
        Process owner = new ProcessBuilder("sleep", "60").start();
        Map<String, String> labels = ResourceLabels.forSession(session, owner.toHandle()).app("podman-test").resource("web").build();
        String network = "apphost-" + session;
        engine.createNetwork(network, labels);
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).extracting(ManagedNetwork::name).contains(network);
        ContainerSpec spec = ContainerSpec.builder("web-" + session, EngineTestSupport.HTTPD)
                .labels(labels).network(network, "web").port(PortBinding.tcp(80, EngineTestSupport.freePort()))
                .env(Map.of("GREETING", "a b*c")).build();
        String id = engine.create(spec, cmd -> { });
        InspectContainerResponse inspect = engine.dockerClient().inspectContainerCmd(id).exec();
        assertThat(inspect.getConfig().getLabels()).containsAllEntriesOf(labels);
        assertThat(inspect.getHostConfig().getInit()).as("--init (catatonit)").isTrue();
        assertThat(inspect.getConfig().getEnv()).contains("GREETING=a b*c");
        assertThat(inspect.getNetworkSettings().getNetworks()).containsKey(network);
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).extracting(ManagedContainer::id).contains(id);

        assertThat(OrphanSweeper.sweep(engine).containers()).as("the owner lives").isZero();
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).isNotEmpty();
        owner.destroyForcibly().waitFor();
        RemovalResult swept = OrphanSweeper.sweep(engine);
        assertThat(swept.containers()).isGreaterThanOrEqualTo(1);
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).isEmpty();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).isEmpty();
    }

    @Test
    void aStartTheEngineRefusesSaysWhatTheEngineSaidAndLeavesNothing() throws Exception {
        Map<String, String> labels = new HashMap<>(ResourceLabels.forSession(session).resource("start").build());
        ContainerSpec spec = ContainerSpec.builder("start-" + session, EngineTestSupport.BUSYBOX)
                .labels(labels).args("sh", "-c", "echo started; sleep 30").build();
        StartedContainer started;
        try {
            started = engine.createAndStart(spec);
        } catch (ContainerStartException refused) {
            // This sandbox: runc may not set the rlimits Podman asks for. The message is the engine's.
            assertThat(refused.getMessage()).startsWith("Container 'start-" + session + "' (image local/busybox:1) "
                    + "could not be started: ").contains("runc");
            assertThat(engine.listContainers(Map.of(ResourceLabels.SESSION, session, ResourceLabels.RESOURCE, "start")))
                    .as("the refused container is removed").isEmpty();
            return;
        }
        // A machine where Podman can run containers: it must really run.
        assertThat(engine.status(started.id()).running()).isTrue();
        engine.remove(started.id());
    }
}
