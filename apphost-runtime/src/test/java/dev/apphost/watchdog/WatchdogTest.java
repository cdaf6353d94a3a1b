package dev.apphost.watchdog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog in this JVM; no container engine needed. */
class WatchdogTest {

    @Test
    void closeKillsWatchedProcessesButNotForgottenOnes() throws Exception {
        Process watched = new ProcessBuilder("sleep", "600").start();
        Process forgotten = new ProcessBuilder("sleep", "600").start();
        try {
            Watchdog watchdog = Watchdog.start();
            watchdog.watchProcess(watched.toHandle());
            watchdog.watchProcess(forgotten.toHandle());
            watchdog.forgetProcess(forgotten.toHandle());
            assertThat(watchdog.closeAndWait(Duration.ofSeconds(30))).as("reaper exits after cleanup").isTrue();
            assertThat(watched.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(forgotten.isAlive()).isTrue();
        } finally {
            watched.destroyForcibly();
            forgotten.destroyForcibly();
        }
    }

    @Test
    void closeAlsoKillsADaemonizedGrandchildInTheWatchedProcessGroup() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setsid")),
                "needs setsid");
        // Like the app host's processes: a setsid'd group leader whose child forked an orphan and exited.
        Process leader = new ProcessBuilder("/usr/bin/setsid", "sh", "-c", "(sleep 602 & echo $!); sleep 600").start();
        long orphanPid = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(leader.getInputStream()))
                .readLine().trim());
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        try {
            // the subshell that forked the orphan may still be exiting: give it a moment
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (leader.toHandle().descendants().anyMatch(p -> p.pid() == orphanPid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(leader.toHandle().descendants()).as("the orphan is no longer a descendant")
                    .noneMatch(p -> p.pid() == orphanPid);
            assertThat(ProcStat.processGroup(orphanPid)).isEqualTo(leader.pid());
            Watchdog watchdog = Watchdog.start();
            watchdog.watchProcess(leader.toHandle());
            assertThat(watchdog.closeAndWait(Duration.ofSeconds(30))).isTrue();
            assertThat(leader.waitFor(5, TimeUnit.SECONDS)).isTrue();
            orphan.onExit().get(5, TimeUnit.SECONDS);
            assertThat(orphan.isAlive()).isFalse();
        } finally {
            leader.destroyForcibly();
            orphan.destroyForcibly();
        }
    }

    @Test
    void reusedPidWithAnotherStartTimeIsLeftAlone() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().orElseThrow().toEpochMilli();
        assertThat(Reaper.sameStart(self, start)).isTrue();
        assertThat(Reaper.sameStart(self, start - 60_000)).isFalse();
        // a pid reused a fraction of a second later is another process
        assertThat(Reaper.sameStart(self, start - 300)).isFalse();
    }

    @Test
    void classpathIncludesThisLibrary() {
        assertThat(Watchdog.classpath()).isNotBlank();
    }

    @Test
    void rejectsSessionIdsThatWouldBreakTheProtocol() throws Exception {
        Watchdog watchdog = Watchdog.start();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> watchdog.watchContainerSession("a b"))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            watchdog.closeAndWait(Duration.ofSeconds(30));
        }
    }
}
