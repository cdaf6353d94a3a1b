package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.HealthCheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    @Test
    void delaysFollowAspire() {
        assertThat(HealthMonitor.nextDelay(false, false, 7)).isEqualTo(Duration.ofMillis(100));
        assertThat(HealthMonitor.nextDelay(true, true, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HealthMonitor.nextDelay(true, false, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HealthMonitor.nextDelay(true, false, 3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(HealthMonitor.nextDelay(true, false, 9)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reportsChangesWithReasonsAndBacksOffOnTheLoopsClock() {
        boolean[] results = {false, false, true, true, false, false, false, false};
        int[] calls = {0};
        List<String> changes = new ArrayList<>();
        ManualEventLoop loop = new ManualEventLoop();
        List<java.time.Instant> probedAt = new ArrayList<>();
        dev.apphost.HealthCheck check = () -> {
            probedAt.add(loop.now());
            boolean r = results[calls[0]++];
            if (!r && calls[0] == 2) {
                throw new java.io.IOException("boom");
            }
            return r ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("connection refused");
        };
        HealthMonitor monitor = new HealthMonitor(List.of(check), loop, Runnable::run,
                (health, reason) -> changes.add(health + ":" + reason));
        loop.post(monitor::start);
        loop.advance(Duration.ofMillis(250)); // probes at 0, 100 (exception), 200 (healthy)
        loop.advance(Duration.ofSeconds(30)); // healthy again at 30.2
        loop.advance(Duration.ofSeconds(30)); // fails at 60.2: back-off 1 s, 2 s, 3 s
        loop.advance(Duration.ofSeconds(6));
        monitor.stop();
        loop.advance(Duration.ofMinutes(5));
        assertThat(changes).containsExactly("Unhealthy:connection refused", "Unhealthy:boom", "Healthy:null",
                "Unhealthy:connection refused");
        java.time.Instant t0 = probedAt.get(0);
        assertThat(probedAt.stream().map(t -> Duration.between(t0, t).toMillis()))
                .containsExactly(0L, 100L, 200L, 30_200L, 60_200L, 61_200L, 63_200L, 66_200L);
    }

    @Test
    void severalChecksAreHealthyOnlyTogetherAndTheLastFailureGivesTheReason() {
        ManualEventLoop loop = new ManualEventLoop();
        boolean[] aOk = {true};
        int[] bCalls = {0};
        List<String> changes = new ArrayList<>();
        HealthMonitor monitor = new HealthMonitor(List.of(
                () -> aOk[0] ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("a down"),
                () -> {
                    if (bCalls[0]++ == 0) {
                        throw new IllegalStateException("b broken");
                    }
                    return HealthCheckResult.healthy("fine");
                }), loop, Runnable::run, (health, reason) -> changes.add(health + ":" + reason));
        loop.post(monitor::start);
        loop.runUntilIdle();
        loop.advance(Duration.ofMillis(100));
        aOk[0] = false;
        loop.advance(Duration.ofSeconds(30));
        assertThat(changes).containsExactly("Unhealthy:b broken", "Healthy:null", "Unhealthy:a down");
    }
}
