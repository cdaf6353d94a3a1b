package dev.apphost.run.bench;

import dev.apphost.ContainerLifetime;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ResourceLabels;
import dev.apphost.run.PersistentPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Time from {@code app.start()} to the Redis resource {@code Healthy}: a persistent Redis reused
 * by a later run of the AppHost against a session Redis created at every run (the baseline), in the
 * same JVM, alternating. The first reuse happens in a fresh JVM (cold), the rest after it (warm).
 * Run via bench/lifecycle-edges.sh; it removes its containers at the end.
 *
 * <p>Arguments: {@code create <dir>} (makes the persistent container, untimed) or
 * {@code measure <dir> <iterations>} or {@code cleanup <dir>}.
 */
public final class PersistentRedisBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        System.setProperty(PersistentPorts.DIRECTORY_PROPERTY, dir.resolve("state").toString());
        Path appDir = Files.createDirectories(dir.resolve("benchapp"));
        switch (args[0]) {
            case "create" -> System.out.printf("create (first run, container created): %d ms%n", run(appDir, true));
            case "measure" -> measure(appDir, Integer.parseInt(args[2]));
            case "cleanup" -> cleanup();
            default -> throw new IllegalArgumentException("create|measure|cleanup");
        }
        System.exit(0);
    }

    private static void measure(Path appDir, int iterations) throws Exception {
        long cold = run(appDir, true);
        System.out.printf("persistent reuse, cold JVM (first run in this JVM): %d ms%n", cold);
        List<Long> reuse = new ArrayList<>();
        List<Long> session = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            if (i % 2 == 0) {
                reuse.add(run(appDir, true));
                session.add(run(appDir, false));
            } else {
                session.add(run(appDir, false));
                reuse.add(run(appDir, true));
            }
        }
        long r = median(reuse);
        long s = median(session);
        System.out.printf("persistent reuse, warm: median %d ms  %s%n", r, reuse);
        System.out.printf("session Redis (created each run), warm: median %d ms  %s%n", s, session);
        System.out.printf("ratio reuse / session: %.2f%n", (double) r / s);
    }

    /** Milliseconds from start() to Healthy. */
    private static long run(Path appDir, boolean persistent) {
        DistributedApplicationBuilder b = TestApps.builder(appDir, Map.of("Parameters:cache-password", "benchpw"));
        var cache = b.addRedis("cache");
        if (persistent) {
            cache.withLifetime(ContainerLifetime.PERSISTENT).withContainerName("apphost-bench-persistent-redis");
        }
        try (DistributedApplication app = b.build()) {
            long start = System.nanoTime();
            app.start();
            app.resourceNotifications().waitForResourceHealthy("cache", Duration.ofSeconds(60));
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static void cleanup() {
        try (ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect()) {
            engine.listContainers(ResourceLabels.persistentFilter()).stream()
                    .filter(c -> c.name().equals("apphost-bench-persistent-redis")).forEach(c -> engine.remove(c.id()));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
