package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import dev.apphost.launch.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit code and outcome file of a stop on request, with a fake executor. */
class RunFailuresTest {

    @TempDir
    Path appHostDirectory;

    private final FakeExecutor fake = new FakeExecutor();
    private Orchestrator orchestrator;

    private Orchestrator orchestrator(DistributedApplicationBuilder b) {
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.defaults().withExecutors(List.of(fake)).withReaper(() -> ProcessReaper.NONE)
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), appHostDirectory,
                null, options);
        return orchestrator;
    }

    @AfterEach
    void stop() {
        if (orchestrator != null) {
            orchestrator.stop();
        }
    }

    @Test
    void aCleanRunStopsWithZeroAndAnEmptyOutcome() throws Exception {
        var b = TestApps.builder(Map.of());
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        b.addExecutable("job", "x", ".");
        Orchestrator o = orchestrator(b);
        o.start();
        o.notifications().waitForResource("api", "Running", Duration.ofSeconds(5));
        fake.exits.get("job").complete(0); // a job that ends on its own with 0 is not a failure
        o.notifications().waitForResource("job", "Finished", Duration.ofSeconds(5));

        assertThat(o.stopOnRequest()).isZero();
        assertThat(RunOutcome.read(appHostDirectory)).isEmpty();
        assertThat(Files.exists(RunOutcome.file(appHostDirectory))).isTrue();
    }

    @Test
    void failuresDuringTheRunStopWithThreeAndAreNamedInTheOutcomeFile() throws Exception {
        var b = TestApps.builder(Map.of());
        b.addExecutable("cache", "x", ".");
        b.addExecutable("api", "x", ".");
        b.addExecutable("web", "x", ".");
        fake.failOnStart.put("cache", "image not found\nsecond line");
        Orchestrator o = orchestrator(b);
        o.start();
        o.notifications().waitForResource("api", "Running", Duration.ofSeconds(5));
        fake.exits.get("api").complete(1); // crashes later in the run
        o.notifications().waitForResource("api", "Exited", Duration.ofSeconds(5));

        assertThat(o.stopOnRequest()).isEqualTo(RunOutcome.STOPPED_AFTER_FAILURES).isEqualTo(3);
        assertThat(RunOutcome.read(appHostDirectory)).containsExactly(
                new RunOutcome.Failure("cache", "FailedToStart: image not found"),
                new RunOutcome.Failure("api", "Exited with code 1"));
        assertThat(Files.getPosixFilePermissions(RunOutcome.file(appHostDirectory)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(o.snapshot("web").state()).isEqualTo("Finished"); // stopped on request: not a failure
    }

    @Test
    void aSecondRunStartsWithNoFailures() throws Exception {
        var b = TestApps.builder(Map.of());
        b.addExecutable("api", "x", ".");
        Orchestrator o = orchestrator(b);
        o.start();
        o.notifications().waitForResource("api", "Running", Duration.ofSeconds(5));
        fake.exits.get("api").complete(2);
        o.notifications().waitForResource("api", "Exited", Duration.ofSeconds(5));
        assertThat(o.stopOnRequest()).isEqualTo(3);

        o.start();
        o.notifications().waitForResource("api", "Running", Duration.ofSeconds(5));
        assertThat(o.stopOnRequest()).isZero();
        assertThat(RunOutcome.read(appHostDirectory)).isEmpty();
    }
}
