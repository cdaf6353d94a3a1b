package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.launch.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppHostExitTest {

    private static final List<RunOutcome.Failure> FAILED = List.of(
            new RunOutcome.Failure("cache", "FailedToStart: image not found"),
            new RunOutcome.Failure("api", "Exited with code 1"));

    @Test
    void aStopAfterFailuresIsABuildFailureNamingTheResources() {
        AppHostExit exit = AppHostExit.of(3, "it.Host", FAILED);
        assertThat(exit.kind()).isEqualTo(AppHostExit.Kind.STOPPED_AFTER_FAILURES);
        assertThat(exit.message()).contains("AppHost it.Host was stopped after resources failed during the run: "
                + "cache (FailedToStart: image not found), api (Exited with code 1).")
                .endsWith("Their output is above and in the AppHost module's target/apphost/logs/<resource>.log.");
    }

    @Test
    void exitThreeWithoutAnOutcomeFileStillFailsTheBuild() {
        AppHostExit exit = AppHostExit.of(3, "it.Host", List.of());
        assertThat(exit.kind()).isEqualTo(AppHostExit.Kind.STOPPED_AFTER_FAILURES);
        assertThat(exit.message()).contains("failed during the run: one or more resources.");
    }

    @Test
    void aCleanStopIsNotAFailureWhateverTheSignal() {
        for (int code : new int[] {0, 130, 143}) {
            AppHostExit exit = AppHostExit.of(code, "it.Host", List.of());
            assertThat(exit.kind()).as("exit code %d", code).isEqualTo(AppHostExit.Kind.STOPPED);
            assertThat(exit.message()).isNull();
        }
    }

    @Test
    void anyOtherCodeIsAFailedAppHost() {
        AppHostExit exit = AppHostExit.of(1, "it.Host", FAILED);
        assertThat(exit.kind()).isEqualTo(AppHostExit.Kind.FAILED);
        assertThat(exit.message()).isEqualTo("AppHost it.Host exited with code 1; its output above says why.");
    }
}
