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
 * {@code measure <dir> <iterations>} or {@code cleanup <dir>}; {@code fresh <dir>} is one run of the AppHost
 * in this (fresh) JVM, {@code ping <dir>} one docker-java ping from a fresh JVM (a baseline), both
 * printing the JVM's uptime at their steps (bench/persistent-redis.sh).
 */
public final class PersistentRedisBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        System.setProperty(PersistentPorts.DIRECTORY_PROPERTY, dir.resolve("state").toString());
        Path appDir = Files.createDirectories(dir.resolve("benchapp"));
        switch (args[0]) {
            case "create" -> System.out.printf("create (first run, container created): %s%n", show(run(appDir, true)));
            case "measure" -> measure(appDir, Integer.parseInt(args[2]));
            case "fresh" -> fresh(appDir);
            case "ping" -> ping();
            case "cleanup" -> cleanup();
            default -> throw new IllegalArgumentException("create|measure|cleanup");
        }
        System.exit(0);
    }

    private static void measure(Path appDir, int iterations) throws Exception {
        System.out.printf("persistent reuse, cold JVM (first run in this JVM): %s%n", show(run(appDir, true)));
        List<long[]> reuse = new ArrayList<>();
        List<long[]> session = new ArrayList<>();
        List<long[]> process = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            if (i % 2 == 0) {
                reuse.add(run(appDir, true));
                session.add(run(appDir, false));
            } else {
                session.add(run(appDir, false));
                reuse.add(run(appDir, true));
            }
            process.add(runProcess(appDir));
        }
        System.out.printf("floor: an AppHost with one process (sleep), medians of %d: Running after %d ms%n",
                iterations, median(process, 0));
        long[] r = {median(reuse, 0), median(reuse, 1)};
        long[] s = {median(session, 0), median(session, 1)};
        System.out.printf("persistent reuse, warm, medians of %d: %s%n", iterations, show(r));
        System.out.printf("session Redis (created each run), warm, medians of %d: %s%n", iterations, show(s));
        System.out.printf("ratio reuse / session: Running %.2f, Healthy %.2f%n", (double) r[0] / s[0], (double) r[1] / s[1]);
    }

    /**
     * One persistent-Redis run as a second {@code mvn apphost:run} makes it, in a fresh JVM: the JVM's
     * uptime when the builder is created, when {@code start()} is called, and the times to Running and Healthy.
     */
    private static void fresh(Path appDir) {
        long created = uptime();
        long[] times = run(appDir, true);
        System.out.printf("fresh: builder at %d ms of JVM uptime; start() to Running %d ms, to Healthy %d ms;"
                + " resource Starting to Healthy %d ms%n", created, times[0], times[1], times[2]);
    }

    /** The baseline: a fresh JVM that connects to the engine through docker-java and pings it. */
    private static void ping() {
        long start = System.nanoTime();
        try (ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect()) {
            engine.listContainers(ResourceLabels.persistentFilter());
        }
        System.out.printf("ping: docker-java connect + one list, %d ms (at %d ms of JVM uptime)%n",
                (System.nanoTime() - start) / 1_000_000, uptime());
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static String show(long[] times) {
        return "Running after " + times[0] + " ms, Healthy after " + times[1] + " ms";
    }

    /** Milliseconds from start() to Running (start() returned) and to Healthy. */
    private static long[] run(Path appDir, boolean persistent) {
        DistributedApplicationBuilder b = TestApps.builder(appDir, Map.of("Parameters:cache-password", "benchpw"));
        var cache = b.addRedis("cache").withImage("local/redis", "7.0.15");
        if (persistent) {
            cache.withLifetime(ContainerLifetime.PERSISTENT).withContainerName("apphost-bench-persistent-redis");
        }
        try (DistributedApplication app = b.build()) {
            // when the AppHost starts the resource (its first Starting snapshot), as the issue counts
            java.util.concurrent.atomic.AtomicLong starting = new java.util.concurrent.atomic.AtomicLong();
            app.resourceNotifications().subscribe(s -> {
                if (s.name().equals("cache") && "Starting".equals(s.state())) {
                    starting.compareAndSet(0, System.nanoTime());
                }
            });
            long start = System.nanoTime();
            app.start();
            long running = (System.nanoTime() - start) / 1_000_000;
            app.resourceNotifications().waitForResourceHealthy("cache", Duration.ofSeconds(60));
            long healthy = System.nanoTime();
            return new long[] {running, (healthy - start) / 1_000_000,
                    starting.get() == 0 ? -1 : (healthy - starting.get()) / 1_000_000};
        }
    }

    /** The orchestration floor: an AppHost with one process and no container, start() to Running. */
    private static long[] runProcess(Path appDir) {
        DistributedApplicationBuilder b = TestApps.builder(appDir, Map.of());
        b.addExecutable("sleeper", "sleep", ".", "30");
        try (DistributedApplication app = b.build()) {
            long start = System.nanoTime();
            app.start();
            return new long[] {(System.nanoTime() - start) / 1_000_000};
        }
    }

    private static void cleanup() {
        try (ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect()) {
            engine.listContainers(ResourceLabels.persistentFilter()).stream()
                    .filter(c -> c.name().equals("apphost-bench-persistent-redis")).forEach(c -> engine.remove(c.id()));
        }
    }

    private static long median(List<long[]> values, int index) {
        List<Long> sorted = new ArrayList<>(values.stream().map(v -> v[index]).toList());
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
