package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    @Test
    void delays() {
        assertThat(HealthMonitor.nextDelay(false, false, 7)).isEqualTo(Duration.ofMillis(100));
        assertThat(HealthMonitor.nextDelay(true, true, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HealthMonitor.nextDelay(true, false, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HealthMonitor.nextDelay(true, false, 3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(HealthMonitor.nextDelay(true, false, 9)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reportsChangesAndBacksOffWithoutSleeping() {
        boolean[] results = {false, false, true, true, false, false, false, false, false, false, false, true};
        int[] calls = {0};
        List<String> changes = new ArrayList<>();
        List<Duration> sleeps = new ArrayList<>();
        HealthMonitor[] monitor = new HealthMonitor[1];
        ReadinessCheck check = new ReadinessCheck() {
            @Override
            public boolean probe() throws Exception {
                boolean r = results[calls[0]++];
                if (calls[0] == results.length) {
                    monitor[0].stop();
                }
                if (!r) {
                    throw new java.io.IOException("refused");
                }
                return true;
            }

            @Override
            public String description() {
                return "fake";
            }
        };
        monitor[0] = new HealthMonitor(check, (healthy, reason) -> changes.add(healthy + ":" + reason),
                Clock.systemUTC(), sleeps::add);
        monitor[0].run();
        assertThat(changes).containsExactly("false:fake: refused", "true:null", "false:fake: refused");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
