package dev.apphost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.apphost.DistributedApplication;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ContainerEngineUnavailableException;
import dev.apphost.containers.ResourceLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two {@link AppHostTest} classes of the same container AppHost, run in parallel against the real
 * engine: each gets its own app (ports, containers, network, Redis password) and both pass, with a
 * replaced image in one of them; nothing is left after either.
 */
@Tag("docker")
class ParallelAppsTest {

    /** Per fixture class: endpoint port, connection string, the page. */
    static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    @AppHostTest(ContainerAppHost.class)
    static class FirstFixture {
        @Test
        void serves(DistributedApplication app) throws Exception {
            see("first", app);
        }
    }

    @AppHostTest(ContainerAppHost.class)
    static class SecondFixture {
        @ConfigureAppHost
        static void otherImage(DistributedApplicationTestingBuilder appHost) {
            appHost.withImage("web", "local/httpd:1");
        }

        @Test
        void serves(DistributedApplication app) throws Exception {
            see("second", app);
        }
    }

    private static void see(String fixture, DistributedApplication app) throws Exception {
        var page = DistributedApplicationTestingBuilderTest.get(app, "web", "/");
        SEEN.put(fixture, List.of(String.valueOf(app.getEndpoint("web", "http").getPort()),
                app.getConnectionString("cache"), String.valueOf(page.statusCode())));
    }

    private ContainerEngine engine;

    @BeforeEach
    void engine() {
        try {
            engine = ContainerEngineLocator.fromEnvironment().connect();
        } catch (ContainerEngineUnavailableException e) {
            Assumptions.abort("Skipping: no container engine answers: " + e.getMessage());
        }
        for (String image : List.of("local/httpd:1", "docker.io/library/redis:8.2")) {
            Assumptions.assumeTrue(engine.imageExists(image), "Skipping: image " + image + " is missing");
        }
    }

    @Test
    void twoClassesInParallelEachGetTheirOwnApp() {
        SEEN.clear();
        Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName());
        int before = engine.listContainers(mine).size();

        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
                .execute().testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));

        List<String> first = SEEN.get("first");
        List<String> second = SEEN.get("second");
        assertThat(first.get(0)).as("web's host ports").isNotEqualTo(second.get(0)).isNotEqualTo("18081");
        assertThat(second.get(0)).isNotEqualTo("18081");
        assertThat(first.get(1)).as("the caches' connection strings").isNotEqualTo(second.get(1));
        assertThat(first.get(2)).isEqualTo("200");
        assertThat(second.get(2)).isEqualTo("200");
        assertThat(engine.listContainers(mine)).as("containers left").hasSize(before);
        assertThat(Files.exists(userSecretsOfThisAppHost())).as("the developer's secrets store was not used").isFalse();
    }

    private static String appName() {
        return Path.of("").toAbsolutePath().getFileName().toString();
    }

    private static Path userSecretsOfThisAppHost() {
        return Path.of(System.getProperty("user.home"), ".apphost", "secrets",
                dev.apphost.UserSecrets.appHostId(Path.of("").toAbsolutePath()) + ".properties");
    }
}
