package dev.apphost.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLinesTest {

    @Test
    void readyLineIsRecognisedWithSurroundingWhitespace() {
        assertThat(StatusLines.isReady("apphost: all resources ready")).isTrue();
        assertThat(StatusLines.isReady("  apphost: all resources ready\r")).isTrue();
        assertThat(StatusLines.isReady("apphost: all resources ready soon")).isFalse();
    }

    @Test
    void failedLineRoundTrips() {
        String line = StatusLines.failed(List.of("cache", "api"));

        assertThat(line).isEqualTo("apphost: resources failed: cache, api");
        assertThat(StatusLines.parseFailed(line)).hasValue(List.of("cache", "api"));
        assertThat(StatusLines.parseFailed("something else")).isEmpty();
    }

    @Test
    void stateLineRoundTrips() {
        String line = StatusLines.state("cache", "Running");

        assertThat(line).isEqualTo("apphost: resource cache Running");
        assertThat(StatusLines.parseState(line)).hasValueSatisfying(p -> assertThat(p).containsExactly("cache", "Running"));
        assertThat(StatusLines.parseState("apphost: resource x")).isEmpty();
    }

    @Test
    void consoleStateLinesOfTheRuntimeAreRecognised() {
        assertThat(StatusLines.parseState("[api] Running")).hasValueSatisfying(p -> assertThat(p).containsExactly("api", "Running"));
        assertThat(StatusLines.parseState("[db-1] Exited (exit code 3): boom"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly("db-1", "Exited"));
        assertThat(StatusLines.parseState("[api] Healthy")).isEmpty();
        assertThat(StatusLines.parseState("api | [api] Running later")).isEmpty();
    }
}
