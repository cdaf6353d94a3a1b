package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import dev.apphost.watchdog.ProcStat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a resource signals its whole process group: a grandchild that daemonized (re-parented,
 * no longer a descendant) is stopped with it, by SIGTERM, or by SIGKILL when it ignores SIGTERM.
 */
class ProcessGroupStopTest {

    static final Duration LONG = Duration.ofSeconds(60);

    @Test
    void aDaemonizedGrandchildIsStoppedWithItsResource(@TempDir Path dir) throws Exception {
        long grandchild = runAndStop(dir, "(sleep 1000 & echo $! > grandchild.pid); echo up; exec sleep 1000");
        assertThat(alive(grandchild)).as("grandchild %d", grandchild).isFalse();
    }

    @Test
    void aGrandchildIgnoringSigtermIsKilledAfterTheTimeout(@TempDir Path dir) throws Exception {
        long grandchild = runAndStop(dir,
                "(trap '' TERM; sleep 1000 & echo $! > grandchild.pid); echo up; trap '' TERM; sleep 1000");
        assertThat(alive(grandchild)).as("grandchild %d", grandchild).isFalse();
    }

    @Test
    void withoutPosixSpawnTheFallbackStopsTheGroupToo(@TempDir Path dir) throws Exception {
        assumeTrue(ProcessExecutor.SETSID != null && !ProcessExecutor.LEADS_OWN_SESSION,
                "the fallback gives children their own group through setsid");
        long grandchild = runAndStop(dir, "(sleep 1000 & echo $! > grandchild.pid); echo up; exec sleep 1000",
                new ProcessExecutor(new TargetClassesLaunchResolver(), true, false));
        assertThat(alive(grandchild)).as("grandchild %d", grandchild).isFalse();
    }

    @Test
    void eachResourceLeadsItsOwnProcessGroup(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc needed");
        var b = TestApps.builder(dir, Map.of(), "--AppHost:ShutdownTimeout=1");
        b.addExecutable("one", "sleep", ".", "1000");
        try (DistributedApplication app = b.build()) {
            app.start();
            long pid = app.resourceSnapshot("one").pid();
            assertThat(ProcStat.processGroup(pid)).isEqualTo(pid);
            assertThat(ProcStat.session(pid)).isEqualTo(pid);
        }
    }

    private static long runAndStop(Path dir, String script) throws Exception {
        return runAndStop(dir, script, null);
    }

    private static long runAndStop(Path dir, String script, ProcessExecutor executor) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc needed");
        var b = TestApps.builder(dir, Map.of(), "--AppHost:ShutdownTimeout=1");
        b.addExecutable("noisy", "sh", ".", "-c", script);
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.from(app.configuration());
        if (executor != null) {
            options = options.withExecutors(java.util.List.of(executor));
        }
        Orchestrator o = new Orchestrator(app.model(), dev.apphost.ExecutionContext.run(), app.configuration(), dir,
                null, options);
        long grandchild;
        try {
            o.start();
            o.notifications().waitForResource("noisy", "Running", LONG);
            Path file = dir.resolve("grandchild.pid");
            long deadline = System.nanoTime() + LONG.toNanos();
            while (!(Files.exists(file) && !Files.readString(file).isBlank()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            grandchild = Long.parseLong(Files.readString(file).trim());
            assertThat(alive(grandchild)).isTrue();
        } finally {
            o.stop();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (alive(grandchild) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return grandchild;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
