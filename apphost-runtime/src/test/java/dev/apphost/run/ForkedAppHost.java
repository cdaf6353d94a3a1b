package dev.apphost.run;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An AppHost for the fork tests: prints the pids of everything it started, then runs until stopped. */
public final class ForkedAppHost {

    public static void main(String[] args) {
        var b = TestApps.builder(Path.of(System.getProperty("java.io.tmpdir")), Map.of(), args);
        var sleeper = b.addExecutable("sleeper", "sleep", ".", "300");
        b.addExecutable("tree", "sh", ".", "-c", "sleep 301 & sleep 302 & wait").waitFor(sleeper);
        DistributedApplication app = b.build();
        Thread reporter = new Thread(() -> {
            app.resourceNotifications().waitForResource("tree", "Running", Duration.ofSeconds(30));
            List<Long> pids = new ArrayList<>();
            for (String name : List.of("sleeper", "tree")) {
                ProcessHandle root = ProcessHandle.of(app.resourceSnapshot(name).pid()).orElseThrow();
                long deadline = System.currentTimeMillis() + 5000;
                while (name.equals("tree") && root.descendants().count() < 2 && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
                pids.add(root.pid());
                root.descendants().forEach(p -> pids.add(p.pid()));
            }
            System.out.println("CHILD-PIDS " + pids.stream().map(String::valueOf).reduce((x, y) -> x + " " + y).orElse(""));
        });
        reporter.setDaemon(true);
        reporter.start();
        app.run();
        System.out.println("FORKED-APPHOST-RETURNED");
    }
}
