package dev.apphost.processor.bench;

import dev.apphost.annotations.ProjectMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the processor costs as a user pays it: each compilation is a fresh {@code javac} process
 * (cold JVM: {@code maven-compiler-plugin} runs javac in Maven's JVM, but a first build, a CI run or
 * {@code mvn} after a while has no warm compiler). The {@code @AppHost} source names
 * {@value #NAMED} modules through {@code Projects}; it is compiled alternately:
 * <ul>
 *   <li>without: {@code javac -proc:none} with the {@code Projects.java} the processor generates
 *       for it added as a plain source (the same code, written by hand);
 *   <li>with, first build: {@code javac -processorpath <shaded processor jar>} after deleting the
 *       processor's pom cache, so every pom of the reactor is parsed;
 *   <li>with, cached: the same with the cache the previous compilation left (poms only stat'ed),
 *       i.e. every later build of the module;
 *   <li>all modules (context): cached, with {@code -Aapphost.projects=all}, one nested class per
 *       module (for code completion of modules not named yet).
 * </ul>
 * Prints medians of wall time and, where {@code /usr/bin/time} exists, of CPU time (user + system,
 * less distorted by other load than wall time). Run with {@code bench/processor.sh --cold}.
 */
public final class ColdJavacBench {

    /** How many modules the AppHost source names. */
    static final int NAMED = 5;

    private static final Path TIME = Path.of("/usr/bin/time");

    /** One configuration's medians, in milliseconds; CPU is -1 when not measured. */
    public record Timing(double wallMs, double cpuMs) {
    }

    /** The medians of each configuration. */
    public record Result(int modules, Timing without, Timing first, Timing cached, Timing all) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "modules=%d, the AppHost names %d of them; medians (wall / cpu):%n"
                            + "  without processor         %s%n"
                            + "  with, first build         %s  added %s%n"
                            + "  with, cached poms         %s  added %s%n"
                            + "  all modules typed, cached %s  added %s",
                    modules, NAMED, format(without), format(first), added(first), format(cached), added(cached),
                    format(all), added(all));
        }

        private String added(Timing with) {
            return format(new Timing(with.wallMs() - without.wallMs(),
                    with.cpuMs() < 0 ? -1 : with.cpuMs() - without.cpuMs()));
        }

        private static String format(Timing t) {
            return t.cpuMs() < 0 ? String.format(Locale.ROOT, "%6.0f ms / -", t.wallMs())
                    : String.format(Locale.ROOT, "%6.0f ms / %5.0f ms", t.wallMs(), t.cpuMs());
        }
    }

    private ColdJavacBench() {
    }

    public static Result run(int modules, int iterations, Path processorJar) throws Exception {
        Path tmp = Files.createTempDirectory("apphost-cold-bench");
        try {
            Path host = ProcessorBench.writeReactor(tmp, modules);
            Path hostSource = host.resolve("src/main/java/demo/Host.java");
            Files.writeString(hostSource, hostSource(modules));
            String classpath = Path.of(ProjectMetadata.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
            Path cold = tmp.resolve("cold");
            // the pom cache goes to <state>/cache (as to ~/.apphost/cache for a user): emptied before each first build
            Path state = tmp.resolve("state");
            List<String> with = List.of("-J-D" + "apphost.stateDirectory=" + state, "-processorpath",
                    processorJar.toString(), "-cp", classpath,
                    "-Aapphost.moduleDir=" + host, hostSource.toString());
            // the Projects.java the processor generates, as the hand-written source of "without"
            javac(cold, "g", with);
            Path stub = Files.copy(cold.resolve("g/demo/Projects.java"), Files.createDirectories(tmp.resolve("stub")).resolve("Projects.java"));
            List<long[]> without = new ArrayList<>();
            List<long[]> first = new ArrayList<>();
            List<long[]> cached = new ArrayList<>();
            List<long[]> all = new ArrayList<>();
            for (int i = 0; i < iterations + 1; i++) {
                long[] w = javac(cold, "w" + i, List.of("-proc:none", "-cp", classpath, hostSource.toString(),
                        stub.toString()));
                ProcessorBench.delete(state.resolve("cache"));
                long[] f = javac(cold, "f" + i, with);
                long[] c = javac(cold, "c" + i, with);
                List<String> allArgs = new ArrayList<>(with);
                allArgs.add(0, "-Aapphost.projects=all");
                long[] a = javac(cold, "a" + i, allArgs);
                if (i > 0) { // the first round fills the OS file cache
                    without.add(w);
                    first.add(f);
                    cached.add(c);
                    all.add(a);
                }
            }
            return new Result(modules, median(without), median(first), median(cached), median(all));
        } finally {
            ProcessorBench.delete(tmp);
        }
    }

    /** {@code Class<?>[] used = {Projects.Service000.class, ...}}: {@value #NAMED} modules spread over the reactor. */
    static String hostSource(int modules) {
        StringBuilder used = new StringBuilder();
        for (int n = 0; n < NAMED; n++) {
            used.append(n == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "Projects.Service%03d.class", n * modules / NAMED));
        }
        return """
                package demo;

                import dev.apphost.annotations.AppHost;

                @AppHost
                public class Host {
                    static final Class<?>[] USED = {%s};

                    public static void main(String[] args) {
                    }
                }
                """.formatted(used);
    }

    private static Timing median(List<long[]> runs) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (long[] run : runs) {
            wall.add(run[0]);
            cpu.add(run[1]);
        }
        return new Timing(ProcessorBench.medianMs(wall), cpu.contains(-1L) ? -1 : ProcessorBench.medianMs(cpu));
    }

    /** Runs one javac into {@code cold/name}; returns its wall and CPU nanos (CPU -1 when not measured). */
    private static long[] javac(Path cold, String name, List<String> arguments) throws IOException, InterruptedException {
        Path out = Files.createDirectories(cold.resolve(name));
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            command.addAll(List.of(TIME.toString(), "-f", "apphost-bench-cpu %U %S"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.addAll(List.of("-d", out.toString(), "-s", out.toString(), "-implicit:none"));
        command.addAll(arguments);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        long wall = System.nanoTime() - t0;
        long cpu = -1;
        int at = output.lastIndexOf("apphost-bench-cpu ");
        if (timed && at >= 0) {
            String[] fields = output.substring(at).trim().split("\\s+");
            cpu = Math.round((Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1e9);
            output = output.substring(0, at);
        }
        if (exit != 0 || !output.isBlank()) {
            throw new IllegalStateException("javac failed: " + command + "\n" + output);
        }
        return new long[] {wall, cpu};
    }
}
