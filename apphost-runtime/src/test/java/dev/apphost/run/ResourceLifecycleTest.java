package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.HealthCheckResult;
import dev.apphost.KnownResourceCommands;
import dev.apphost.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transition of the resource state machine, with a fake executor, a manual loop and a fake clock. */
class ResourceLifecycleTest {

    private static final HealthCheckResult REFUSED = HealthCheckResult.unhealthy("connection refused");

    private static DistributedApplicationBuilder builder() {
        return TestApps.builder(Map.of());
    }

    @Test
    void startsRunsHealthyWithoutChecksAndSettles() {
        var b = builder();
        b.addExecutable("api", "x", ".");
        LifecycleHarness h = new LifecycleHarness(b);
        assertThat(h.state("api")).isEqualTo("NotStarted");
        h.await(h.lifecycle.startAll());
        assertThat(h.transitions).containsExactly("api:NotStarted->Starting", "api:Starting->Running");
        assertThat(h.snapshot("api").health()).isEqualTo("Healthy");
        assertThat(h.snapshot("api").pid()).isEqualTo(1001L);
        assertThat(h.snapshot("api").startedAt()).isEqualTo(h.loop.now());
        h.lifecycle.reportOutcome();
        h.loop.runUntilIdle();
        assertThat(h.outcomes).containsExactly(List.of());
    }

    @Test
    void waitsUntilTheDependencyIsHealthySayingOnWhatAfter10sThenEvery30s() {
        var b = builder();
        var cache = b.addExecutable("cache", "x", ".");
        b.addExecutable("webfrontend", "x", ".").waitFor(cache);
        LifecycleHarness h = new LifecycleHarness(b);
        HealthCheckResult[] cacheHealth = {REFUSED};
        h.health.put("cache", () -> cacheHealth[0]);
        h.await(h.lifecycle.startAll());
        assertThat(h.state("cache")).isEqualTo("Running");
        assertThat(h.snapshot("cache").health()).isEqualTo("Unhealthy");
        assertThat(h.snapshot("cache").healthReason()).isEqualTo("connection refused");
        assertThat(h.state("webfrontend")).isEqualTo("Waiting");
        h.lifecycle.reportOutcome();
        h.loop.advance(Duration.ofMillis(9_900));
        assertThat(h.outcomes).as("not ready while cache is unhealthy").isEmpty();
        assertThat(h.waitingLines).isEmpty();
        h.loop.advance(Duration.ofMillis(100));
        h.loop.advance(Duration.ofSeconds(30));
        assertThat(h.waitingLines).containsExactly(
                "2026-01-01T00:00:10Z webfrontend is waiting for cache: Unhealthy: connection refused",
                "2026-01-01T00:00:40Z webfrontend is waiting for cache: Unhealthy: connection refused");
        cacheHealth[0] = HealthCheckResult.unhealthy("HTTP 404 from http://localhost:41234/actuator/healthz");
        h.loop.advance(Duration.ofSeconds(1));
        assertThat(h.snapshot("cache").healthReason()).isEqualTo("HTTP 404 from http://localhost:41234/actuator/healthz");
        cacheHealth[0] = HealthCheckResult.healthy();
        h.loop.advance(Duration.ofSeconds(1));
        assertThat(h.snapshot("cache").health()).isEqualTo("Healthy");
        assertThat(h.state("webfrontend")).isEqualTo("Running");
        assertThat(h.outcomes).containsExactly(List.of());
        h.loop.advance(Duration.ofMinutes(2));
        assertThat(h.waitingLines).hasSize(2);
        assertThat(h.loop.pendingTimers()).isEqualTo(1); // only the next health probe of cache
    }

    @Test
    void aFailedStartFailsItsDependentsWithAspiresMessage() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        LifecycleHarness h = new LifecycleHarness(b);
        h.failOnStart.put("db", "no such program");
        h.await(h.lifecycle.startAll());
        assertThat(h.snapshot("db").state()).isEqualTo("FailedToStart");
        assertThat(h.snapshot("db").message()).isEqualTo("no such program");
        assertThat(h.snapshot("api").state()).isEqualTo("FailedToStart");
        assertThat(h.snapshot("api").message()).isEqualTo("Dependency resource 'db' failed to start.");
        h.lifecycle.reportOutcome();
        h.loop.runUntilIdle();
        assertThat(h.outcomes).containsExactly(List.of("db", "api"));
    }

    @Test
    void exitsOnItsOwnAreExitedOrFinishedAndFailWaitingDependents() {
        var b = builder();
        var crash = b.addExecutable("crash", "x", ".");
        var done = b.addExecutable("done", "x", ".");
        b.addExecutable("worker", "x", ".").waitFor(crash);
        LifecycleHarness h = new LifecycleHarness(b);
        h.health.put("crash", () -> REFUSED);
        h.await(h.lifecycle.startAll());
        h.running.get("crash").exit.complete(3);
        h.running.get("done").exit.complete(0);
        h.loop.runUntilIdle();
        assertThat(h.snapshot("crash").state()).isEqualTo("Exited");
        assertThat(h.snapshot("crash").exitCode()).isEqualTo(3);
        assertThat(h.snapshot("crash").message()).isEqualTo("Resource 'crash' exited with code 3.");
        assertThat(h.snapshot("crash").health()).isNull();
        assertThat(h.snapshot("done").state()).isEqualTo("Finished");
        assertThat(h.snapshot("worker").state()).isEqualTo("FailedToStart");
        assertThat(h.snapshot("worker").message())
                .isEqualTo("Resource 'crash' has entered the 'Exited' state prematurely.");
    }

    @Test
    void stopEndsFinishedWhateverTheSignalAndLeavesDependentsRunningButMarked() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        h.running.get("db").ignoresSigterm = true;
        h.holdWorkers = true;
        var stopped = h.lifecycle.execute("db", KnownResourceCommands.STOP, Duration.ofSeconds(5));
        h.loop.runUntilIdle();
        assertThat(h.state("db")).isEqualTo("Stopping");
        h.releaseWorkers();
        assertThat(h.running.get("db").stops).containsExactly(Duration.ofSeconds(5));
        h.running.get("db").exit.complete(137); // killed after the grace period
        assertThat(h.await(stopped).success()).isTrue();
        assertThat(h.snapshot("db").state()).isEqualTo("Finished");
        assertThat(h.snapshot("db").exitCode()).isEqualTo(137);
        assertThat(h.state("api")).isEqualTo("Running");
        assertThat(h.snapshot("api").unavailableDependencies()).containsExactly("db");
        assertThat(h.lost).containsExactly("api lost db (Finished)");
        // started again: the mark goes, and nothing is said twice
        assertThat(h.command("db", KnownResourceCommands.START).success()).isTrue();
        assertThat(h.state("db")).isEqualTo("Running");
        assertThat(h.snapshot("db").exitCode()).isNull();
        assertThat(h.snapshot("api").unavailableDependencies()).isEmpty();
        assertThat(h.lost).hasSize(1);
    }

    @Test
    void restartStopsThenStartsAgainAndIgnoresTheOldProcess() {
        var b = builder();
        b.addExecutable("api", "x", ".");
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        var first = h.running.get("api");
        first.ignoresSigterm = true;
        h.holdWorkers = true;
        var restarted = h.lifecycle.execute("api", KnownResourceCommands.RESTART, Duration.ofSeconds(5));
        h.loop.runUntilIdle();
        first.exit.complete(143);
        h.releaseWorkers();
        assertThat(h.await(restarted).success()).isTrue();
        assertThat(h.launched).containsExactly("api", "api");
        assertThat(h.state("api")).isEqualTo("Running");
        assertThat(h.snapshot("api").pid()).isEqualTo(1002L);
        assertThat(h.transitions).containsSubsequence("api:Running->Stopping", "api:Stopping->Finished",
                "api:Finished->Starting", "api:Starting->Running");
        first.exit.obtrudeValue(9);
        h.loop.runUntilIdle();
        assertThat(h.state("api")).isEqualTo("Running");
    }

    @Test
    void explicitStartStaysNotStartedAndItsDependentsWaitUntilTheStartCommand() {
        var b = builder();
        var seed = b.addExecutable("seed", "x", ".").withExplicitStart();
        b.addExecutable("api", "x", ".").waitFor(seed);
        b.addExecutable("other", "x", ".");
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        assertThat(h.state("seed")).isEqualTo("NotStarted");
        assertThat(h.state("api")).isEqualTo("Waiting");
        h.lifecycle.reportOutcome();
        h.loop.advance(Duration.ofSeconds(10));
        assertThat(h.outcomes).containsExactly(List.of());
        assertThat(h.waitingLines).containsExactly("2026-01-01T00:00:10Z api is waiting for seed: NotStarted "
                + "(explicit start: run its resource-start command)");
        assertThat(h.command("seed", KnownResourceCommands.START).success()).isTrue();
        assertThat(h.state("seed")).isEqualTo("Running");
        assertThat(h.state("api")).isEqualTo("Running");
    }

    @Test
    void waitForStartNeedsRunningOnly() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitForStart(db);
        LifecycleHarness h = new LifecycleHarness(b);
        h.health.put("db", () -> REFUSED);
        h.await(h.lifecycle.startAll());
        assertThat(h.snapshot("db").health()).isEqualTo("Unhealthy");
        assertThat(h.state("api")).isEqualTo("Running");
    }

    @Test
    void waitForCompletionStartsAfterTheRightExitCodeAndFailsOnAnother() {
        var b = builder();
        var migrate = b.addExecutable("migrate", "x", ".");
        var seed = b.addExecutable("seed", "x", ".");
        b.addExecutable("api", "x", ".").waitForCompletion(migrate);
        b.addExecutable("worker", "x", ".").waitForCompletion(seed, 2);
        b.addExecutable("reader", "x", ".").waitForCompletion(migrate, 4);
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        assertThat(h.state("api")).isEqualTo("Waiting");
        h.loop.advance(Duration.ofSeconds(10));
        assertThat(h.waitingLines).contains(
                "2026-01-01T00:00:10Z api is waiting for migrate: Running (it must exit with code 0)");
        h.running.get("migrate").exit.complete(0);
        h.running.get("seed").exit.complete(2);
        h.loop.runUntilIdle();
        assertThat(h.state("migrate")).isEqualTo("Finished");
        assertThat(h.state("api")).isEqualTo("Running");
        assertThat(h.state("worker")).isEqualTo("Running");
        assertThat(h.state("reader")).isEqualTo("FailedToStart");
        assertThat(h.snapshot("reader").message())
                .isEqualTo("Resource 'migrate' has entered the 'Finished' state with exit code '0', expected '4'.");
    }

    @Test
    void stopWhileWaitingGoesBackToNotStartedAndWhileStartingStopsOnceStarted() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        LifecycleHarness h = new LifecycleHarness(b);
        h.holdWorkers = true;
        var settled = h.lifecycle.startAll();
        h.loop.runUntilIdle();
        assertThat(h.state("db")).isEqualTo("Starting");
        assertThat(h.state("api")).isEqualTo("Waiting");
        var apiStopped = h.lifecycle.execute("api", KnownResourceCommands.STOP, Duration.ofSeconds(5));
        var dbStopped = h.lifecycle.execute("db", KnownResourceCommands.STOP, Duration.ofSeconds(5));
        h.loop.runUntilIdle();
        assertThat(h.state("api")).isEqualTo("NotStarted");
        assertThat(apiStopped).isDone();
        assertThat(dbStopped).isNotDone();
        h.releaseWorkers(); // the launch of db returns now: it is stopped at once
        assertThat(h.await(dbStopped).success()).isTrue();
        assertThat(h.state("db")).isEqualTo("Finished");
        assertThat(h.transitions).containsSubsequence("db:Starting->Stopping", "db:Stopping->Finished");
        assertThat(settled).isDone();
    }

    @Test
    void startingAResourceWhoseDependencyWasStoppedWaitsForIt() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        h.command("db", KnownResourceCommands.STOP);
        h.command("api", KnownResourceCommands.STOP);
        var started = h.command("api", KnownResourceCommands.START);
        assertThat(started.success()).isTrue();
        assertThat(h.state("api")).isEqualTo("Waiting");
        h.loop.advance(Duration.ofSeconds(10));
        assertThat(h.waitingLines).containsExactly(
                "2026-01-01T00:00:10Z api is waiting for db: Finished (stopped; start it again)");
        h.command("db", KnownResourceCommands.START);
        assertThat(h.state("api")).isEqualTo("Running");
    }

    @Test
    void commandsNotAvailableInTheCurrentStateAnswerAFailure() {
        var b = builder();
        b.addExecutable("api", "x", ".").withExplicitStart();
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        assertThat(h.command("api", KnownResourceCommands.STOP).errorMessage())
                .isEqualTo("Command 'resource-stop' of resource 'api' is not available while it is NotStarted.");
        assertThat(h.command("nope", KnownResourceCommands.START).errorMessage()).contains("No resource named 'nope'");
        h.failOnStart.put("api", "boom");
        assertThat(h.command("api", KnownResourceCommands.START).errorMessage()).isEqualTo("boom");
        assertThat(h.state("api")).isEqualTo("FailedToStart");
    }

    @Test
    void stopAllGoesDependentsFirstWithinOneDeadline() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        var api = b.addExecutable("api", "x", ".").waitFor(db);
        b.addExecutable("web", "x", ".").waitFor(api);
        LifecycleHarness h = new LifecycleHarness(b);
        h.await(h.lifecycle.startAll());
        h.running.get("web").ignoresSigterm = true;
        h.running.get("api").ignoresSigterm = true;
        var stopped = h.lifecycle.stopAll(Duration.ofSeconds(5));
        h.loop.runUntilIdle();
        assertThat(h.running.get("web").stops).containsExactly(Duration.ofSeconds(5));
        assertThat(h.running.get("api").stops).isEmpty();
        h.loop.advance(Duration.ofSeconds(2));
        h.running.get("web").exit.complete(143);
        h.loop.runUntilIdle();
        assertThat(h.running.get("api").stops).containsExactly(Duration.ofSeconds(3));
        h.loop.advance(Duration.ofSeconds(3)); // the deadline: api would be killed by its executor now
        h.running.get("api").exit.complete(137);
        h.loop.runUntilIdle();
        assertThat(h.running.get("db").stops).containsExactly(Duration.ZERO);
        assertThat(h.await(stopped)).isNull();
        assertThat(List.of(h.state("web"), h.state("api"), h.state("db"))).containsOnly("Finished");
        assertThat(h.lost).isEmpty();
        // and start() after stop() starts everything again
        h.await(h.lifecycle.startAll());
        assertThat(List.of(h.state("web"), h.state("api"), h.state("db"))).containsOnly("Running");
        assertThat(h.launched).hasSize(6);
    }

    @Test
    void aDependencyThatTurnsUnhealthyLeavesItsDependentRunningAndHealthIsBesideTheState() {
        var b = builder();
        var db = b.addExecutable("db", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        LifecycleHarness h = new LifecycleHarness(b);
        HealthCheckResult[] dbHealth = {HealthCheckResult.healthy()};
        h.health.put("db", () -> dbHealth[0]);
        h.await(h.lifecycle.startAll());
        assertThat(h.snapshot("db").health()).isEqualTo("Healthy");
        assertThat(h.state("api")).isEqualTo("Running");
        dbHealth[0] = HealthCheckResult.unhealthy("disk full");
        h.loop.advance(Duration.ofSeconds(30));
        assertThat(h.state("db")).isEqualTo("Running");
        assertThat(h.snapshot("db").health()).isEqualTo("Unhealthy");
        assertThat(h.snapshot("db").healthReason()).isEqualTo("disk full");
        assertThat(h.state("api")).isEqualTo("Running");
    }
}
