package dev.apphost.containers.bench;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.PortBinding;
import dev.apphost.containers.ResourceLabels;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Starts N containers (local/busybox:1 {@code sleep 600}, one label, one env var, a port on
 * 127.0.0.1) through {@link ContainerEngine#createAndStart} and through {@code docker run -d},
 * alternating which side goes first, after one untimed warm-up of each. Prints both totals, the
 * medians and the ratio (ours / CLI; goal &lt;= 1.0), then removes everything. Run via bench/containers.sh.
 */
public final class ContainerStartBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String session = "bench-" + Long.toString(System.nanoTime() & 0xffffffL, 36);
        Map<String, String> labels = ResourceLabels.forSession(session).app("bench").build();
        try (ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect()) {
            System.out.println("engine: " + engine.info());
            try {
                startOurs(engine, session, labels, "warm");
                startCli(session, "warm");
                List<Long> ours = new ArrayList<>();
                List<Long> cli = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (i % 2 == 0) {
                        ours.add(startOurs(engine, session, labels, "j" + i));
                        cli.add(startCli(session, "c" + i));
                    } else {
                        cli.add(startCli(session, "c" + i));
                        ours.add(startOurs(engine, session, labels, "j" + i));
                    }
                }
                long oursTotal = ours.stream().mapToLong(Long::longValue).sum();
                long cliTotal = cli.stream().mapToLong(Long::longValue).sum();
                System.out.printf("ContainerEngine.createAndStart x%d: total %.1f ms, median %.1f ms%n", n, oursTotal / 1e6, median(ours) / 1e6);
                System.out.printf("docker run -d x%d:                  total %.1f ms, median %.1f ms%n", n, cliTotal / 1e6, median(cli) / 1e6);
                System.out.printf("ratio (ours / CLI): %.2f%n", (double) oursTotal / cliTotal);
            } finally {
                long start = System.nanoTime();
                var removed = engine.removeAll(ResourceLabels.sessionFilter(session));
                System.out.printf("removed %d containers in %.0f ms%n", removed.containers(), (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static long startOurs(ContainerEngine engine, String session, Map<String, String> labels, String suffix) {
        ContainerSpec spec = ContainerSpec.builder("bench-j" + suffix + "-" + session, "local/busybox:1")
                .labels(labels).env("A", "1").port(PortBinding.tcp(80)).args("sleep", "600").build();
        long start = System.nanoTime();
        engine.createAndStart(spec);
        return System.nanoTime() - start;
    }

    private static long startCli(String session, String suffix) throws IOException, InterruptedException {
        List<String> command = List.of("docker", "run", "-d", "--init", "--name", "bench-c" + suffix + "-" + session,
                "--label", ResourceLabels.MANAGED + "=true", "--label", ResourceLabels.SESSION + "=" + session,
                "-e", "A=1", "-p", "127.0.0.1::80", "--add-host", "host.docker.internal:host-gateway",
                "local/busybox:1", "sleep", "600");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("docker run failed: " + output);
        }
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
