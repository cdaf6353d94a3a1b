package dev.apphost.run;

import dev.apphost.HealthCheckResult;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.util.Map;

/**
 * An AppHost for {@link StopExitCodeTest}: one resource keeps running, one exits with 7 at once. The
 * failing one never reports healthy, so the start's outcome waits for its exit and names it, however
 * late the exit is seen (without the check it could be seen just after "all resources ready").
 */
public final class ForkedFailingAppHost {

    public static void main(String[] args) {
        var b = TestApps.builder(Path.of(args[0]), Map.of(), "--AppHost:ShutdownTimeout=3");
        b.addExecutable("sleeper", "sleep", ".", "300");
        if (args.length > 1 && args[1].equals("--with-failure")) {
            b.addExecutable("broken", "sh", ".", "-c", "echo cannot connect; exit 7")
                    .withHealthCheck("connected", () -> HealthCheckResult.unhealthy("not connected"));
        }
        b.build().run();
    }
}
