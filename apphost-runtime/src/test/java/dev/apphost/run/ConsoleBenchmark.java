package dev.apphost.run;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A chatty resource (run with {@code bench/console.sh}; not a test): {@code cat} of 50 MB of short
 * lines through the orchestrator with the console going to a file, against
 * {@code sed 's/^/chatty | /'} prefixing the same lines into a file, and {@code cat} alone.
 * Medians of {@value #ROUNDS} rounds after one warm-up, all in the same run. Besides wall time it
 * reports CPU time, which a loaded machine distorts less: the AppHost JVM's own (all its threads,
 * from {@code start()} to {@code stop()}) against sed's and cat's (children's time from
 * {@code /proc/self/stat}, counted once they are reaped).
 */
public final class ConsoleBenchmark {

    static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 50;
        Path dir = Files.createTempDirectory("apphost-console-bench");
        Path input = dir.resolve("lines.txt");
        long lines = 0;
        try (var out = new BufferedOutputStream(new FileOutputStream(input.toFile()), 1 << 16)) {
            long bytes = 0;
            while (bytes < megabytes * 1_000_000) {
                byte[] line = (Long.toString(++lines) + "\n").getBytes();
                out.write(line);
                bytes += line.length;
            }
        }
        System.out.println("input: " + lines + " lines, " + Files.size(input) / 1_000_000 + " MB (seq-style), "
                + Runtime.getRuntime().availableProcessors() + " cpus, java " + System.getProperty("java.version"));
        Path out = dir.resolve("out.txt");
        double[] sed = new double[ROUNDS];
        double[] cat = new double[ROUNDS];
        double[] apphost = new double[ROUNDS];
        double[] sedCpu = new double[ROUNDS];
        double[] catCpu = new double[ROUNDS];
        double[] apphostCpu = new double[ROUNDS];
        shell(List.of("sed", "s/^/chatty | /", input.toString()), out);
        orchestrated(dir, input, out);
        for (int r = 0; r < ROUNDS; r++) {
            double c0 = childrenCpuMillis();
            sed[r] = shell(List.of("sed", "s/^/chatty | /", input.toString()), out);
            double c1 = childrenCpuMillis();
            cat[r] = shell(List.of("cat", input.toString()), out);
            double c2 = childrenCpuMillis();
            double own = ownCpuMillis();
            apphost[r] = orchestrated(dir, input, out);
            apphostCpu[r] = ownCpuMillis() - own;
            sedCpu[r] = c1 - c0;
            catCpu[r] = c2 - c1;
            long written = Files.lines(out).filter(l -> l.startsWith("chatty | ")).count();
            if (written != lines) {
                throw new IllegalStateException("console has " + written + " of " + lines + " lines");
            }
        }
        double s = median(sed);
        double a = median(apphost);
        System.out.printf("cat alone into a file:                    %8.0f ms%n", median(cat));
        System.out.printf("sed 's/^/chatty | /' into a file:         %8.0f ms%n", s);
        System.out.printf("AppHost, resource 'chatty', console file: %8.0f ms  ratio %.2f (goal <= 3)%n", a, a / s);
        System.out.println("raw sed " + Arrays.toString(sed) + " cat " + Arrays.toString(cat) + " apphost "
                + Arrays.toString(apphost));
        double sc = median(sedCpu);
        double ac = median(apphostCpu);
        System.out.printf("CPU: sed %.0f ms, cat %.0f ms, AppHost JVM %.0f ms (%.2f us/line)  ratio AppHost/sed %.2f%n",
                sc, median(catCpu), ac, ac * 1000 / lines, ac / sc);
        System.out.println("raw cpu sed " + Arrays.toString(sedCpu) + " cat " + Arrays.toString(catCpu) + " apphost "
                + Arrays.toString(apphostCpu));
        System.out.println("heap after the last round: " + usedHeapMb() + " MB used after GC");
    }

    static double shell(List<String> command, Path out) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static double orchestrated(Path dir, Path input, Path out) throws Exception {
        DistributedApplicationBuilder b = TestApps.builder(dir, Map.of());
        b.addExecutable("chatty", "cat", ".", input.toString());
        DistributedApplication app = b.build();
        try (PrintStream console = new PrintStream(new BufferedOutputStream(new FileOutputStream(out.toFile()), 1 << 16),
                false)) {
            // no reaper JVM: it is not on the output path, and its CPU would land in the next sed's children time
            RunOptions options = RunOptions.defaults().withConsole(console, false)
                    .withShutdownTimeout(Duration.ofSeconds(2)).withReaper(() -> ProcessReaper.NONE);
            Orchestrator o = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), dir, null, options);
            long t0 = System.nanoTime();
            o.start();
            o.notifications().waitForResource("chatty", "Finished", Duration.ofMinutes(10));
            o.stop();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** This JVM's CPU time, all threads. */
    static double ownCpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e6;
    }

    /** CPU time of this JVM's reaped children (user + system), from {@code /proc/self/stat}; 10 ms ticks. */
    static double childrenCpuMillis() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3; cutime and cstime are fields 16 and 17
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
    }

    static long usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
