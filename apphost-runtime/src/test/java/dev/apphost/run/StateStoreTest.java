package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplicationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateStoreTest {

    private static StateStore store(String state) {
        StateStore store = new StateStore();
        store.put(new ResourceSnapshot("api", "Executable", state, null, null, null, List.of(), null));
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
        store.move("api", "FailedToStart", s -> s.withState("FailedToStart", "boom"));
        assertThatThrownBy(() -> store.waitForResourceHealthy("api", Duration.ofSeconds(30)))
                .hasMessageContaining("'FailedToStart'").hasMessageContaining("boom");
    }

    @Test
    void waitReturnsOnceTheStateIsReached() throws Exception {
        StateStore store = store("Starting");
        Thread t = new Thread(() -> {
            sleep(50);
            store.move("api", "Running", s -> s.withState("Running", null));
            sleep(50);
            store.update("api", s -> s.withHealth(ResourceSnapshot.HEALTHY, null));
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
