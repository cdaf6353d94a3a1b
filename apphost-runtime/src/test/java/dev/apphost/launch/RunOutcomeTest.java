package dev.apphost.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutcomeTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsFailuresOneLineEach() throws Exception {
        RunOutcome.write(dir, List.of(new RunOutcome.Failure("cache", "FailedToStart: image\tnot found\nmore"),
                new RunOutcome.Failure("api", "Exited with code 1")));
        assertThat(Files.readString(dir.resolve("target/apphost/run-outcome.txt")))
                .isEqualTo("cache\tFailedToStart: image not found\napi\tExited with code 1\n");
        List<RunOutcome.Failure> read = RunOutcome.read(dir);
        assertThat(RunOutcome.describe(read))
                .isEqualTo("cache (FailedToStart: image not found), api (Exited with code 1)");
    }

    @Test
    void noFileMeansNoFailuresAndTheExitCodeFollowsTheList() throws Exception {
        assertThat(RunOutcome.read(dir)).isEmpty();
        assertThat(RunOutcome.exitCodeAfterStop(List.of())).isZero();
        assertThat(RunOutcome.exitCodeAfterStop(List.of(new RunOutcome.Failure("x", null)))).isEqualTo(3);
    }
}
