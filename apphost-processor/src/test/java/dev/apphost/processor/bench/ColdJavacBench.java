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
 * (cold JVM, as {@code maven-compiler-plugin} forks none but a first build or a CI run has no warm
 * compiler either). The same {@code @AppHost} source, which does not use {@code Projects}, is
 * compiled alternately:
 * <ul>
 *   <li>without: {@code javac -proc:none};
 *   <li>with: {@code javac -processorpath <shaded processor jar>}, generating and compiling
 *       {@code Projects} and its table;
 *   <li>previous shape (context): {@code -proc:none} with a hand-written {@code Projects.java} of the
 *       shape generated before (one class per module with a constructor and four constant getters,
 *       absolute pom paths), i.e. what compiling that shape alone costs.
 * </ul>
 * Prints the medians and the time the processor adds. Run with {@code bench/processor.sh --cold}.
 */
public final class ColdJavacBench {

    /** Medians in milliseconds. */
    public record Result(int modules, double withoutMs, double withMs, double previousShapeMs) {

        public double addedMs() {
            return withMs - withoutMs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "modules=%d cold javac: without processor=%.0fms with processor=%.0fms added=%.0fms"
                            + " ratio=%.2f | previous Projects shape compiled without processor=%.0fms"
                            + " (%.0fms over without)",
                    modules, withoutMs, withMs, addedMs(), withMs / withoutMs, previousShapeMs,
                    previousShapeMs - withoutMs);
        }
    }

    private ColdJavacBench() {
    }

    public static Result run(int modules, int iterations, Path processorJar) throws Exception {
        Path tmp = Files.createTempDirectory("apphost-cold-bench");
        try {
            Path host = ProcessorBench.writeReactor(tmp, modules);
            Path hostSource = host.resolve("src/main/java/demo/Host.java");
            Files.writeString(hostSource, """
                    package demo;

                    import dev.apphost.annotations.AppHost;

                    @AppHost
                    public class Host {
                        public static void main(String[] args) {
                        }
                    }
                    """);
            Path previous = tmp.resolve("previous/Projects.java");
            Files.createDirectories(previous.getParent());
            Files.writeString(previous, previousShape(tmp, modules));
            String classpath = Path.of(ProjectMetadata.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
            List<Long> without = new ArrayList<>();
            List<Long> with = new ArrayList<>();
            List<Long> previousShape = new ArrayList<>();
            for (int i = 0; i < iterations + 1; i++) {
                long t0 = System.nanoTime();
                javac(tmp, "w" + i, List.of("-proc:none", "-cp", classpath, hostSource.toString()));
                long t1 = System.nanoTime();
                javac(tmp, "p" + i, List.of("-processorpath", processorJar.toString(), "-cp", classpath,
                        "-Aapphost.moduleDir=" + host, hostSource.toString()));
                long t2 = System.nanoTime();
                javac(tmp, "s" + i, List.of("-proc:none", "-cp", classpath, hostSource.toString(),
                        previous.toString()));
                long t3 = System.nanoTime();
                if (i > 0) { // the first round fills the OS file cache
                    without.add(t1 - t0);
                    with.add(t2 - t1);
                    previousShape.add(t3 - t2);
                }
            }
            return new Result(modules, ProcessorBench.medianMs(without), ProcessorBench.medianMs(with),
                    ProcessorBench.medianMs(previousShape));
        } finally {
            ProcessorBench.delete(tmp);
        }
    }

    private static void javac(Path tmp, String name, List<String> arguments) throws IOException, InterruptedException {
        Path out = Files.createDirectories(tmp.resolve("cold/" + name));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.addAll(List.of("-d", out.toString(), "-s", out.toString(), "-implicit:none"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !output.isBlank()) {
            throw new IllegalStateException("javac failed: " + command + "\n" + output);
        }
    }

    /** The {@code Projects} shape generated before the table: four constant getters per module. */
    static String previousShape(Path root, int modules) {
        StringBuilder s = new StringBuilder("package demo;\n\nimport dev.apphost.annotations.ProjectMetadata;\n"
                + "import javax.annotation.processing.Generated;\n\n"
                + "@Generated(\"dev.apphost.processor.AppHostProcessor\")\npublic final class Projects {\n"
                + "    private Projects() {\n    }\n");
        for (int m = 0; m < modules; m++) {
            String artifactId = String.format(Locale.ROOT, "service-%03d", m);
            String name = String.format(Locale.ROOT, "Service%03d", m);
            String pom = root.resolve(String.format(Locale.ROOT, "group-%02d/%s/pom.xml", m / 50, artifactId))
                    .toAbsolutePath().toString();
            s.append("\n    /**\n     * The module {@code ").append(artifactId).append("}: {@code bench:")
                    .append(artifactId).append(":1.0-SNAPSHOT}.\n     *\n     * <p>Pom: {@code ").append(pom)
                    .append("}\n     */\n    public static final class ").append(name)
                    .append(" implements ProjectMetadata {\n        public ").append(name).append("() {\n        }\n");
            getter(s, "projectPath", pom);
            getter(s, "groupId", "bench");
            getter(s, "artifactId", artifactId);
            getter(s, "version", "1.0-SNAPSHOT");
            s.append("    }\n");
        }
        return s.append("}\n").toString();
    }

    private static void getter(StringBuilder s, String name, String value) {
        s.append("\n        @Override\n        public String ").append(name).append("() {\n            return \"")
                .append(value).append("\";\n        }\n");
    }
}
