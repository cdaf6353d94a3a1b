package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplicationException;
import dev.apphost.ResourceSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StateStoreTest {

    private static ResourceSnapshot api(String state) {
        return ResourceSnapshot.of("api", "Executable", state, null, List.of());
    }

    private static StateStore store(String state) {
        StateStore store = new StateStore();
        store.put(api(state));
        return store;
    }

    @Test
    void timeoutNamesResourceWantedAndCurrentState() {
        StateStore store = store("Waiting");
        assertThatThrownBy(() -> store.waitForResource("api", "Running", Duration.ofMillis(50)))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessageContaining("'api'").hasMessageContaining("'Running'").hasMessageContaining("'Waiting'");
    }

    @Test
    void waitingForHealthyFailsFastWhenTheResourceEnded() {
        StateStore store = store("Starting");
        store.put(ResourceSnapshot.of("api", "Executable", "FailedToStart", "boom", List.of()));
        assertThatThrownBy(() -> store.waitForResourceHealthy("api", Duration.ofSeconds(30)))
                .hasMessageContaining("'FailedToStart'").hasMessageContaining("boom");
    }

    @Test
    void waitReturnsOnceTheStateIsReached() throws Exception {
        StateStore store = store("Starting");
        Thread t = new Thread(() -> {
            sleep(50);
            store.put(api("Running"));
            sleep(50);
            store.put(new ResourceSnapshot("api", "Executable", "Running", null, null, ResourceSnapshot.HEALTHY, null,
                    List.of(), null, null, List.of()));
        });
        t.start();
        store.waitForResource("api", "Running", Duration.ofSeconds(5));
        store.waitForResourceHealthy("api", Duration.ofSeconds(5));
        t.join();
    }

    @Test
    void unknownResourceIsNamed() {
        assertThatThrownBy(() -> store("Running").state("nope")).hasMessageContaining("'nope'")
                .hasMessageContaining("api");
    }

    @Test
    void subscribersGetTheCurrentSnapshotsThenEveryChangeInOrder() throws Exception {
        StateStore store = store("NotStarted");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var subscription = store.subscribe(s -> seen.add(s.state()))) {
            store.put(api("Starting"));
            store.put(api("Running"));
            OrchestratorTest.waitFor(() -> seen.size() == 3);
        }
        store.put(api("Stopping"));
        assertThat(seen).containsExactly("NotStarted", "Starting", "Running");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
