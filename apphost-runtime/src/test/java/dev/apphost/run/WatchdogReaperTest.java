package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apphost.watchdog.SessionFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nets under the AppHost: a dead reaper is replaced; a session file lets the next start clean up. */
class WatchdogReaperTest {

    @Test
    void aDeadReaperIsReplacedAndTheReplacementKnowsWhatIsWatched(@TempDir Path sessions) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            WatchdogReaper reaper = (WatchdogReaper) WatchdogReaper.start(sessions);
            reaper.watch(sleeper.toHandle());
            long first = reaper.reaperPid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reaper.reaperPid() == first && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reaper.reaperPid()).as("a new reaper").isNotEqualTo(first);
            // the replacement, not the dead one, takes the watched process along when the AppHost ends
            long replacement = reaper.reaperPid();
            reaper.close();
            ProcessHandle.of(replacement).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).as("watched process killed").isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theNextStartStopsWhatAnAppHostKilledWithItsReaperLeft(@TempDir Path sessions) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/ns")), "Linux /proc needed");
        Process appHost = new ProcessBuilder(ProcessExecutor.javaExecutable(), "-D" + SessionFile.DIRECTORY_PROPERTY
                + "=" + sessions, "-cp", System.getProperty("java.class.path"), ForkedAppHost.class.getName(),
                "--AppHost:ShutdownTimeout=3").redirectErrorStream(true).start();
        List<ProcessHandle> children = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(appHost.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("CHILD-PIDS ")) {
                // starting
            }
            assertThat(line).as("the forked AppHost reports its children").isNotNull();
            Arrays.stream(line.substring(11).trim().split(" ")).map(Long::parseLong)
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(children::add));
            ProcessHandle host = appHost.toHandle();
            ProcessHandle reaper = host.descendants().filter(p -> commandLine(p)
                    .contains(dev.apphost.watchdog.Reaper.class.getName())).findFirst().orElseThrow(
                            () -> new AssertionError("no reaper among " + host.descendants()
                                    .map(p -> p.pid() + ":" + commandLine(p)).toList()));
            Path file = sessions.resolve(host.pid() + ".session");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessions))).isEqualTo("rwx------");
            // both die at once: stop the AppHost so it cannot replace its reaper, kill the reaper, then the AppHost
            new ProcessBuilder("kill", "-STOP", Long.toString(host.pid())).start().waitFor();
            reaper.destroyForcibly(); // a zombie until its stopped parent is gone
            host.destroyForcibly();
            host.onExit().get(10, TimeUnit.SECONDS);
            reaper.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(children).as("left running").allMatch(ProcessHandle::isAlive);

            SessionFile.Swept swept = WatchdogReaper.sweepLeftovers(sessions);

            assertThat(swept.files()).isEqualTo(1);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(file).doesNotExist();
        } finally {
            appHost.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (Exception gone) {
            return "";
        }
    }

    @Test
    void aLiveOwnersSessionIsNeverSwept(@TempDir Path sessions) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try (SessionFile mine = SessionFile.create(sessions).orElseThrow()) {
            mine.recordGroup(sleeper.toHandle());
            SessionFile.Swept swept = SessionFile.sweep(sessions);
            assertThat(swept.files()).isZero();
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(mine.file()).exists();
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
