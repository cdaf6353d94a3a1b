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

    @Test
    void theShutdownHookWaitsForTheBuildThreadToFinishReporting() throws Exception {
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread build = new Thread(() -> {
            try {
                Thread.sleep(200); // Maven printing BUILD FAILURE and the mojo's message
            } catch (InterruptedException e) {
                return;
            }
            reported.countDown();
        });
        build.start();
        ForegroundRunner.awaitExitOf(build, Duration.ofSeconds(30));
        assertThat(reported.getCount()).as("the hook returned before the build thread was done").isZero();
    }

    @Test
    void theShutdownHookDoesNotWaitForeverForABuildThreadThatNeverEnds() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Thread embedded = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // ended by the test
            }
        });
        embedded.start();
        ForegroundRunner.awaitExitOf(embedded, Duration.ofMillis(100));
        assertThat(embedded.isAlive()).isTrue();
        embedded.interrupt();
    }
}
