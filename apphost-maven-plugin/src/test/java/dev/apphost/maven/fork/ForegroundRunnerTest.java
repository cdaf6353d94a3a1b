package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForegroundRunnerTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheChildsExitCode() throws Exception {
        int exit = new ForegroundRunner(Duration.ofSeconds(5)).run(ForkTestSupport.fake(dir, "exit", "3").build());

        assertThat(exit).isEqualTo(3);
        assertThat(ForegroundRunner.isNormalExit(exit)).isFalse();
    }

    @Test
    void interruptAndTerminateExitCodesAreANormalStop() {
        assertThat(ForegroundRunner.isNormalExit(0)).isTrue();
        assertThat(ForegroundRunner.isNormalExit(130)).isTrue();
        assertThat(ForegroundRunner.isNormalExit(143)).isTrue();
        assertThat(ForegroundRunner.isNormalExit(1)).isFalse();
    }

    @Test
    void theAfterExitCleanupRunsOnAFailedExit() throws Exception {
        int[] cleaned = new int[1];
        int exit = new ForegroundRunner(Duration.ofSeconds(5), () -> cleaned[0]++)
                .run(ForkTestSupport.fake(dir, "exit", "3").build());

        assertThat(exit).isEqualTo(3);
        assertThat(cleaned[0]).isEqualTo(1);
    }

    @Test
    void interruptingTheWaitingThreadStopsTheChildAndRestoresTheFlag() throws Exception {
        int[] cleaned = new int[1];
        ForegroundRunner runner = new ForegroundRunner(Duration.ofSeconds(5), () -> cleaned[0]++);
        boolean[] interruptedAfter = new boolean[1];
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                runner.run(ForkTestSupport.fake(dir, "slow").build());
            } catch (Throwable t) {
                thrown[0] = t;
                interruptedAfter[0] = Thread.currentThread().isInterrupted();
            }
        });
        thread.start();
        Thread.sleep(1500);
        long before = ProcessHandle.current().children().count();
        thread.interrupt();
        thread.join(20_000);

        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
        assertThat(interruptedAfter[0]).isTrue();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThan(before);
        assertThat(cleaned[0]).isEqualTo(1);
    }
}
