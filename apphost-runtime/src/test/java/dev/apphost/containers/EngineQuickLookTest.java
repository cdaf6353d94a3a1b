package dev.apphost.containers;

import static dev.apphost.containers.EngineTestSupport.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineQuickLookTest {

    @Test
    void readsIdNameStateAndLabelsAndSkipsTheRest() throws Exception {
        String answer = "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
                + "[{\"Id\":\"abc123\",\"Names\":[\"/cache-1\"],\"Image\":\"redis\",\"Ports\":[{\"PrivatePort\":6379}],"
                + "\"Labels\":{\"dev.apphost.config-hash\":\"h1\",\"x\":\"y\"},\"State\":\"running\","
                + "\"NetworkSettings\":{\"Networks\":{\"bridge\":{\"IPAddress\":\"172.17.0.2\"}}},\"Mounts\":[]},"
                + "{\"Id\":\"def456\",\"Names\":null,\"Labels\":null,\"State\":\"exited\"}]";
        assertThat(EngineQuickLook.parse(answer)).containsExactly(
                new ManagedContainer("abc123", "cache-1", "running", Map.of("dev.apphost.config-hash", "h1", "x", "y")),
                new ManagedContainer("def456", "", "exited", Map.of()));
    }

    @Test
    void anAnswerThatIsNotAListOfContainersIsNotTakenForOne() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EngineQuickLook.parse(
                "HTTP/1.0 500 Internal Server Error\r\n\r\n{\"message\":\"boom\"}"))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void withoutAnEngineThereIsNothingToFind(@TempDir Path dir) {
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + dir.resolve("no.sock"));
        assertThat(EngineQuickLook.find(env, "anything", ResourceLabels.persistentFilter(), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    @Tag("docker")
    void findsAContainerByNameAmongThoseWithTheLabelsAsTheEngineListsIt() {
        ContainerEngine engine = EngineTestSupport.engineOrSkip();
        String session = "quick-" + EngineTestSupport.randomSuffix();
        Map<String, String> labels = new HashMap<>(ResourceLabels.forSession(session).app("quick-look-test").build());
        labels.put("dev.apphost.test-note", "a \"quoted\" value");
        try {
            EngineTestSupport.requireImages(engine, BUSYBOX);
            StartedContainer started = engine.createAndStart(ContainerSpec.builder("quick-" + session, BUSYBOX)
                    .entrypoint("sleep", "60").labels(labels).build());
            var found = EngineQuickLook.find(System.getenv(), "quick-" + session, ResourceLabels.sessionFilter(session),
                    Duration.ofSeconds(5));
            assertThat(found).isPresent();
            assertThat(found.get().id()).isEqualTo(started.id());
            assertThat(found.get().state()).isEqualTo("running");
            assertThat(found.get().labels()).containsAllEntriesOf(labels);
            assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).extracting(ManagedContainer::id)
                    .containsExactly(found.get().id());
            assertThat(EngineQuickLook.find(System.getenv(), "quick-" + session, Map.of(ResourceLabels.SESSION, "other"),
                    Duration.ofSeconds(5))).as("another label value").isEmpty();
            assertThat(EngineQuickLook.find(System.getenv(), "quick-other", ResourceLabels.sessionFilter(session),
                    Duration.ofSeconds(5))).as("another name").isEmpty();
        } finally {
            engine.removeAll(ResourceLabels.sessionFilter(session));
            engine.close();
        }
    }
}
