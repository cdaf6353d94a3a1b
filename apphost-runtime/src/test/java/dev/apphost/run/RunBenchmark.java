package dev.apphost.run;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.ResourceSnapshot;
import dev.apphost.TestApps;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-up cost of the run engine (run with {@code bench/run-bench.sh}; not a test):
 * 100 independent {@code sleep 60} executables to Running through the orchestrator vs a plain
 * {@code ProcessBuilder} loop, the added latency per hop of a 100-deep {@code waitFor} chain, and
 * the restart of one process resource to Running again vs its own cold start ({@code resource-start}
 * from NotStarted). {@code RunBenchmark restart} runs only the last.
 */
public final class RunBenchmark {

    static final int N = 100;
    static final int ROUNDS = 5;

    static final int RESTART_ROUNDS = 21;

    public static void main(String[] args) throws Exception {
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                + System.getProperty("java.version") + ", setsid " + ProcessExecutor.SETSID + ", posix_spawn+SETSID "
                + PosixSpawn.AVAILABLE);
        restart();
        if (args.length > 0 && args[0].equals("restart")) {
            return;
        }
        for (int i = 0; i < 2; i++) { // warm-up
            plain();
            orchestrated(false, true);
        }
        double[] plain = new double[ROUNDS];
        double[] orch = new double[ROUNDS];
        double[] orchNoSetsid = new double[ROUNDS];
        double[] chain = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            plain[r] = plain();
            orch[r] = orchestrated(false, true);
            orchNoSetsid[r] = orchestrated(false, false);
            chain[r] = orchestrated(true, true);
        }
        double p = median(plain);
        double o = median(orch);
        double on = median(orchNoSetsid);
        double c = median(chain);
        System.out.printf("plain ProcessBuilder loop, %d x sleep 60:          %7.1f ms (median of %d)%n", N, p, ROUNDS);
        System.out.printf("orchestrator, %d independent, to Running:          %7.1f ms  ratio %.2f (goal <= 1.3)%n", N, o,
                o / p);
        System.out.printf("orchestrator, children in the AppHost's group:       %7.1f ms  ratio %.2f%n", on, on / p);
        System.out.printf("orchestrator, %d-deep waitFor chain, to Running:   %7.1f ms  added %.2f ms/hop (goal <= 10)%n",
                N, c, (c - p) / N);
        System.out.println("raw plain " + Arrays.toString(plain) + " orch " + Arrays.toString(orch) + " noSetsid "
                + Arrays.toString(orchNoSetsid) + " chain " + Arrays.toString(chain));
    }

    /**
     * One {@code sleep 600} executable with an explicit start: each round times {@code resource-start}
     * (NotStarted/Finished to Running: its cold start), then {@code resource-restart} (Running,
     * Stopping, Finished, Starting, Running again), then stops it. Medians after 3 warm-up rounds.
     */
    static void restart() {
        DistributedApplicationBuilder b = TestApps.builder(Path.of("/tmp"), Map.of());
        b.addExecutable("r", "sleep", ".", "600").withExplicitStart();
        DistributedApplication app = b.build();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunOptions options = RunOptions.defaults().withConsole(quiet, false).withShutdownTimeout(Duration.ofSeconds(2))
                .withExecutors(List.of(new ProcessExecutor(new TargetClassesLaunchResolver(), true)));
        Orchestrator o = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), Path.of("/tmp"),
                null, options);
        o.start();
        double[] cold = new double[RESTART_ROUNDS];
        double[] restart = new double[RESTART_ROUNDS];
        for (int i = -3; i < RESTART_ROUNDS; i++) {
            long t0 = System.nanoTime();
            require(o.executeCommand("r", dev.apphost.KnownResourceCommands.START), o);
            long t1 = System.nanoTime();
            require(o.executeCommand("r", dev.apphost.KnownResourceCommands.RESTART), o);
            long t2 = System.nanoTime();
            require(o.executeCommand("r", dev.apphost.KnownResourceCommands.STOP), o);
            if (i >= 0) {
                cold[i] = (t1 - t0) / 1e6;
                restart[i] = (t2 - t1) / 1e6;
            }
        }
        o.stop();
        double c = median(cold);
        double r = median(restart);
        System.out.printf("process resource cold start (resource-start) to Running: %7.1f ms (median of %d)%n", c,
                RESTART_ROUNDS);
        System.out.printf("process resource restart to Running again:              %7.1f ms  = cold %+.1f ms "
                + "(goal <= cold + 50)%n", r, r - c);
    }

    private static void require(dev.apphost.ExecuteCommandResult result, Orchestrator o) {
        if (!result.success() || !"Running".equals(o.snapshot("r").state()) && !"Finished".equals(o.snapshot("r").state())) {
            throw new IllegalStateException(result.errorMessage() + " / " + o.snapshot("r"));
        }
    }

    static double plain() throws Exception {
        List<Process> processes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            processes.add(new ProcessBuilder("sleep", "60").start());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            p.waitFor();
        }
        return ms;
    }

    static double orchestrated(boolean chain, boolean setsid) {
        DistributedApplicationBuilder b = TestApps.builder(Path.of("/tmp"), Map.of());
        dev.apphost.ExecutableResourceBuilder previous = null;
        for (int i = 0; i < N; i++) {
            var e = b.addExecutable("s" + i, "sleep", ".", "60");
            if (chain && previous != null) {
                e.waitFor(previous);
            }
            previous = e;
        }
        DistributedApplication app = b.build();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunOptions options = RunOptions.defaults().withConsole(quiet, false).withShutdownTimeout(Duration.ofSeconds(2))
                .withExecutors(List.of(new ProcessExecutor(new TargetClassesLaunchResolver(), setsid)));
        Orchestrator o = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), Path.of("/tmp"),
                null, options);
        long t0 = System.nanoTime();
        o.start();
        o.notifications().waitForResource("s" + (N - 1), "Running", Duration.ofSeconds(60));
        double ms = (System.nanoTime() - t0) / 1e6;
        for (ResourceSnapshot s : o.snapshots()) {
            if (!"Running".equals(s.state())) {
                throw new IllegalStateException(s.name() + " is " + s.state());
            }
        }
        o.stop();
        return ms;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
