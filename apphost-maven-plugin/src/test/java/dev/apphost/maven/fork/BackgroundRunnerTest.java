package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundRunnerTest {

    @TempDir
    Path dir;

    private final List<String> output = new CopyOnWriteArrayList<>();

    private BackgroundRunner runner(int startSeconds) {
        return new BackgroundRunner(Duration.ofSeconds(startSeconds), Duration.ofSeconds(2));
    }

    @Test
    void startReturnsOnTheReadyLineAndStopEndsTheProcess() throws Exception {
        Path pidFile = dir.resolve("apphost.pid");
        BackgroundRunner runner = runner(30);

        long pid = runner.start(ForkTestSupport.fake(dir, "ready").build(), dir.resolve("apphost.log"), pidFile,
                output::add);

        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        assertThat(handle.isAlive()).isTrue();
        assertThat(Files.readString(pidFile)).startsWith(Long.toString(pid));
        assertThat(output).contains("apphost: all resources ready");
        assertThat(Files.readString(dir.resolve("apphost.log"))).contains("apphost: resource cache Running");

        assertThat(runner.stop(pidFile)).isTrue();
        assertThat(handle.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
        assertThat(runner.stop(pidFile)).isFalse();
    }

    @Test
    void stopFindsTheProcessThroughThePidFileAlone() throws Exception {
        Path pidFile = dir.resolve("apphost.pid");
        long pid = runner(30).start(ForkTestSupport.fake(dir, "ready").build(), dir.resolve("log"), pidFile, s -> { });
        Path copy = dir.resolve("copy.pid");
        Files.copy(pidFile, copy);

        assertThat(BackgroundRunner.readPidFile(copy).pid()).isEqualTo(pid);
        assertThat(runner(1).stop(copy)).isTrue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        runner(1).stop(pidFile);
    }

    @Test
    void failedLineFailsNamingTheResourcesAndStopsTheProcess() {
        assertThatThrownBy(() -> runner(30).start(ForkTestSupport.fake(dir, "failed").build(), dir.resolve("log"),
                        dir.resolve("pid"), output::add))
                .isInstanceOf(AppHostStartException.class)
                .hasMessageContaining("failed to start: cache, api")
                .hasMessageContaining("[cache] FailedToStart: no container engine at tcp://127.0.0.1:9");
        assertThat(dir.resolve("pid")).doesNotExist();
    }

    @Test
    void timeoutNamesResourcesNotReady() {
        assertThatThrownBy(() -> runner(3).start(ForkTestSupport.fake(dir, "slow").build(), dir.resolve("log"),
                        dir.resolve("pid"), output::add))
                .isInstanceOf(AppHostStartException.class)
                .hasMessageContaining("not ready within 3 s")
                .hasMessageContaining("api (Waiting)")
                .hasMessageNotContaining("cache (")
                .hasMessageContaining("apphost.startTimeout");
    }

    @Test
    void earlyExitFailsWithTheExitCode() {
        assertThatThrownBy(() -> runner(30).start(ForkTestSupport.fake(dir, "exit", "7").build(), dir.resolve("log"),
                        dir.resolve("pid"), output::add))
                .isInstanceOf(AppHostStartException.class)
                .hasMessageContaining("exited with code 7");
    }

    @Test
    void stubbornProcessIsKilledAfterTheShutdownTimeout() throws Exception {
        Path pidFile = dir.resolve("apphost.pid");
        BackgroundRunner runner = runner(30);
        long pid = runner.start(ForkTestSupport.fake(dir, "stubborn").build(), dir.resolve("log"), pidFile, s -> { });
        long begin = System.nanoTime();

        runner.stop(pidFile);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
    }
}
