package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.KnownResourceStates;
import org.junit.jupiter.api.Test;

class ResourceStatesTest {

    @Test
    void normalLifecycle() {
        assertThat(ResourceStates.canMove("NotStarted", "Waiting")).isTrue();
        assertThat(ResourceStates.canMove("Waiting", "Starting")).isTrue();
        assertThat(ResourceStates.canMove("Starting", "Running")).isTrue();
        assertThat(ResourceStates.canMove("Running", "Stopping")).isTrue();
        assertThat(ResourceStates.canMove("Stopping", "Finished")).isTrue();
        assertThat(ResourceStates.canMove("Running", "Exited")).isTrue();
        assertThat(ResourceStates.canMove("Waiting", "FailedToStart")).isTrue();
    }

    @Test
    void terminalStatesAreLeftOnlyByAStart() {
        for (String terminal : KnownResourceStates.TERMINAL) {
            for (String to : new String[] {"Running", "Stopping", "Exited", "Finished", "NotStarted"}) {
                assertThat(ResourceStates.canMove(terminal, to)).as(terminal + " -> " + to).isFalse();
            }
            assertThat(ResourceStates.canMove(terminal, "Waiting")).isTrue();
            assertThat(ResourceStates.canMove(terminal, "Starting")).isTrue();
        }
        assertThat(ResourceStates.canMove("Running", "Waiting")).isFalse();
        assertThat(ResourceStates.canMove("NotStarted", "Running")).isFalse();
        assertThat(ResourceStates.canMove("Starting", "Stopping")).isTrue();
    }

    @Test
    void exitCodes() {
        assertThat(ResourceStates.afterExit(0, false)).isEqualTo("Finished");
        assertThat(ResourceStates.afterExit(3, false)).isEqualTo("Exited");
        assertThat(ResourceStates.afterExit(143, false)).isEqualTo("Exited");
        assertThat(ResourceStates.afterExit(143, true)).isEqualTo("Finished");
        assertThat(ResourceStates.afterExit(130, true)).isEqualTo("Finished");
        assertThat(ResourceStates.afterExit(137, true)).isEqualTo("Finished");
        assertThat(ResourceStates.afterExit(3, true)).isEqualTo("Finished");
    }

    @Test
    void aspireDependencyMessages() {
        assertThat(ResourceStates.dependencyFailure("db", "FailedToStart"))
                .isEqualTo("Dependency resource 'db' failed to start.");
        assertThat(ResourceStates.dependencyFailure("db", "Exited"))
                .isEqualTo("Resource 'db' has entered the 'Exited' state prematurely.");
        assertThat(ResourceStates.dependencyFailure("db", "Finished"))
                .isEqualTo("Resource 'db' has entered the 'Finished' state prematurely.");
        assertThat(ResourceStates.dependencyFailure("db", "RuntimeUnhealthy"))
                .isEqualTo("Resource 'db' has entered the 'RuntimeUnhealthy' state prematurely.");
        assertThat(ResourceStates.dependencyFailure("db", "Running")).isNull();
        assertThat(ResourceStates.wrongExitCode("migrate", "Exited", 3, 0))
                .isEqualTo("Resource 'migrate' has entered the 'Exited' state with exit code '3', expected '0'.");
    }
}
