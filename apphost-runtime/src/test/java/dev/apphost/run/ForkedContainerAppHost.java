package dev.apphost.run;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AppHost with two containers and a process, for the fork tests: args are the AppHost folder (its
 * name is the containers' app label) and configuration; prints {@code CHILD-PIDS ...} once both run.
 */
public final class ForkedContainerAppHost {

    public static void main(String[] args) {
        String[] config = java.util.Arrays.copyOfRange(args, 1, args.length);
        var b = TestApps.builder(Path.of(args[0]), Map.of(), config);
        var box = b.addContainer("box", "local/busybox", "1").withEntrypoint("/bin/sh").withArgs("-c", "echo box up; sleep 600")
                .withHttpEndpoint(null, 80, "http");
        // A second container that references the first, so the session has its network.
        b.addContainer("box2", "local/busybox", "1").withEntrypoint("/bin/sh").withArgs("-c", "sleep 600").withReference(box);
        b.addExecutable("sleeper", "sh", ".", "-c", "sleep 303 & wait");
        DistributedApplication app = b.build();
        Thread reporter = new Thread(() -> {
            for (String name : List.of("box", "box2", "sleeper")) {
                app.resourceNotifications().waitForResource(name, "Running", Duration.ofSeconds(60));
            }
            ProcessHandle root = ProcessHandle.of(app.resourceSnapshot("sleeper").pid()).orElseThrow();
            long deadline = System.currentTimeMillis() + 5000;
            while (root.descendants().count() < 1 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            List<Long> pids = new ArrayList<>();
            pids.add(root.pid());
            root.descendants().forEach(p -> pids.add(p.pid()));
            System.out.println("CHILD-PIDS " + pids.stream().map(String::valueOf).reduce((x, y) -> x + " " + y).orElse(""));
        });
        reporter.setDaemon(true);
        reporter.start();
        app.run();
        System.out.println("FORKED-APPHOST-RETURNED");
    }
}
