package dev.apphost.run;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** An AppHost for {@link ChildEnvironmentTest}: prints the environment its child saw, then exits. */
public final class ChildEnvAppHost {

    public static void main(String[] args) {
        var b = TestApps.builder(Path.of(System.getProperty("java.io.tmpdir")), Map.of(), args);
        b.addExecutable("printenv", "sh", ".", "-c", "env")
                .withEnvironment("ConnectionStrings__mine", "from-the-model");
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResource("printenv", "Finished", Duration.ofSeconds(60));
            app.resourceLogs().lines("printenv").forEach(l -> System.out.println("CHILD-ENV " + l.text()));
        }
    }
}
