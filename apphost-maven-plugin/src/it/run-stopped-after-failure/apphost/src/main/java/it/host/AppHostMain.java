package it.host;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;
import java.time.Duration;

/**
 * One resource keeps running, the worker exits with 7. Once the worker has exited, the AppHost asks
 * Maven to stop with SIGTERM, as a user's Ctrl+C would (an invoker build cannot press Ctrl+C).
 */
@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        builder.addExecutable("sleeper", "sleep", ".", "300");
        builder.addProject(Projects.Worker.class, "worker");
        DistributedApplication app = builder.build();
        Thread stopper = new Thread(() -> {
            app.resourceNotifications().waitForResource("worker", "Exited", Duration.ofSeconds(120));
            app.resourceNotifications().waitForResource("sleeper", "Running", Duration.ofSeconds(120));
            try {
                new ProcessBuilder("kill", "-TERM", System.getProperty("apphost.parentPid")).inheritIO().start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.setDaemon(true);
        stopper.start();
        app.run();
    }
}
