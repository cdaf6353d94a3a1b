package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessMonitorTest {

    @Test
    void readyLineCompletesAndLaterLinesDoNotChangeTheOutcome() throws InterruptedException {
        ReadinessMonitor monitor = new ReadinessMonitor();
        monitor.accept("hello");
        monitor.accept("apphost: all resources ready");
        monitor.accept("apphost: resources failed: x");
        monitor.exited(1);

        assertThat(monitor.await(Duration.ZERO)).isEqualTo(ReadinessMonitor.Outcome.READY);
    }

    @Test
    void tracksLastStatePerResource() throws InterruptedException {
        ReadinessMonitor monitor = new ReadinessMonitor();
        monitor.accept("apphost: resource cache Starting");
        monitor.accept("apphost: resource api Waiting");
        monitor.accept("apphost: resource cache Running");

        assertThat(monitor.await(Duration.ofMillis(50))).isEqualTo(ReadinessMonitor.Outcome.TIMED_OUT);
        assertThat(monitor.notReady()).containsExactly("api (Waiting)");
    }

    @Test
    void wakesTheWaiterFromAnotherThread() throws InterruptedException {
        ReadinessMonitor monitor = new ReadinessMonitor();
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.exited(4);
        }).start();

        assertThat(monitor.await(Duration.ofSeconds(10))).isEqualTo(ReadinessMonitor.Outcome.EXITED);
        assertThat(monitor.exitCode()).isEqualTo(4);
    }
}
