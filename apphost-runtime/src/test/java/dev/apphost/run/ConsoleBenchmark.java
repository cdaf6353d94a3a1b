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
 * Medians of {@value #ROUNDS} rounds after one warm-up, all in the same run.
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
        shell(List.of("sed", "s/^/chatty | /", input.toString()), out);
        orchestrated(dir, input, out);
        for (int r = 0; r < ROUNDS; r++) {
            sed[r] = shell(List.of("sed", "s/^/chatty | /", input.toString()), out);
            cat[r] = shell(List.of("cat", input.toString()), out);
            apphost[r] = orchestrated(dir, input, out);
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
            RunOptions options = RunOptions.defaults().withConsole(console, false)
                    .withShutdownTimeout(Duration.ofSeconds(2));
            Orchestrator o = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), dir, null, options);
            long t0 = System.nanoTime();
            o.start();
            o.notifications().waitForResource("chatty", "Finished", Duration.ofMinutes(10));
            o.stop();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
