package dev.apphost.processor.bench;

import dev.apphost.annotations.ProjectMetadata;
import dev.apphost.processor.AppHostProcessor;
import dev.apphost.processor.ProjectNames;
import dev.apphost.processor.ProjectsSourceGenerator;
import dev.apphost.processor.Reactor;
import dev.apphost.processor.ReactorScanner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much time the processor adds to compiling an {@code @AppHost} class in a large reactor.
 *
 * <p>Generates a reactor of {@code --modules} jar modules (in nested aggregators of 50) plus a
 * host module, then, in one JVM, compiles the host's {@code @AppHost} source with javac
 * (javax.tools) alternately:
 * <ul>
 *   <li>baseline: {@code -proc:none}, with the {@code Projects.java} the processor generated
 *       added as a plain source (the same code, written by hand);
 *   <li>processor: the {@code @AppHost} source alone, with the processor (from the shaded jar when
 *       {@code --processor-jar} is given, as users run it) scanning the reactor and generating
 *       {@code Projects};
 *   <li>no-op processor (for context): the baseline sources with a processor that claims nothing
 *       and does nothing, i.e. what javac's annotation processing costs by itself.
 * </ul>
 * After warm-up iterations it prints the medians, the added time and the ratio, and the median
 * time of scan + naming + generation alone (no javac).
 *
 * <p>Run with {@code bench/processor.sh} at the repository root.
 */
public final class ProcessorBench {

    /** Medians in milliseconds. */
    public record Result(int modules, double baselineMs, double noopMs, double processorMs, double scanMs) {

        public double addedMs() {
            return processorMs - baselineMs;
        }

        public double ratio() {
            return processorMs / baselineMs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "modules=%d baseline=%.1fms no-op-processor=%.1fms processor=%.1fms added=%.1fms"
                            + " ratio=%.2f scan+generate=%.1fms",
                    modules, baselineMs, noopMs, processorMs, addedMs(), ratio(), scanMs);
        }
    }

    private ProcessorBench() {
    }

    public static void main(String[] args) throws Exception {
        int modules = 500;
        int warmup = 15;
        int iterations = 25;
        boolean cold = false;
        Path processorJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--modules" -> modules = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--processor-jar" -> processorJar = Path.of(args[++i]);
                case "--cold" -> cold = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --modules N --warmup N --iterations N --processor-jar JAR [--cold]");
            }
        }
        if (cold) {
            if (processorJar == null) {
                throw new IllegalArgumentException("--cold needs --processor-jar");
            }
            System.out.println("java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cpus, fresh javac per compilation, "
                    + iterations + " measured after 1 discarded");
            System.out.println(ColdJavacBench.run(modules, iterations, processorJar));
            return;
        }
        Result result = run(modules, warmup, iterations, processorJar);
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus, warm-up " + warmup
                + ", measured " + iterations + (processorJar == null ? ", processor from classpath"
                        : ", processor from " + processorJar.getFileName()));
        System.out.println(result);
    }

    public static Result run(int modules, int warmup, int iterations, Path processorJar) throws Exception {
        Path tmp = Files.createTempDirectory("apphost-bench");
        try {
            Path host = writeReactor(tmp, modules);
            Supplier<Processor> processors = processors(processorJar);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            String classpath = Path.of(ProjectMetadata.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
            Path hostSource = host.resolve("src/main/java/demo/Host.java");

            // one processor run gives the Projects.java of the baseline
            Path generated = compile(javac, classpath, host, List.of(hostSource), processors.get(), tmp, "first");
            Path projectsSource = host.resolve("src/main/java/demo/Projects.java");
            Files.copy(generated.resolve("demo/Projects.java"), projectsSource);
            Path baselineSource = tmp.resolve("baseline/Projects.java");
            Files.createDirectories(baselineSource.getParent());
            Files.move(projectsSource, baselineSource);

            List<Long> baseline = new ArrayList<>();
            List<Long> noop = new ArrayList<>();
            List<Long> withProcessor = new ArrayList<>();
            List<Long> scan = new ArrayList<>();
            for (int i = 0; i < warmup + iterations; i++) {
                long t0 = System.nanoTime();
                compile(javac, classpath, host, List.of(hostSource, baselineSource), null, tmp, "b" + i);
                long t1 = System.nanoTime();
                compile(javac, classpath, host, List.of(hostSource), processors.get(), tmp, "p" + i);
                long t2 = System.nanoTime();
                scanAndGenerate(host);
                long t3 = System.nanoTime();
                compile(javac, classpath, host, List.of(hostSource, baselineSource), new NoOp(), tmp, "n" + i);
                long t4 = System.nanoTime();
                if (i >= warmup) {
                    baseline.add(t1 - t0);
                    withProcessor.add(t2 - t1);
                    scan.add(t3 - t2);
                    noop.add(t4 - t3);
                }
            }
            return new Result(modules, medianMs(baseline), medianMs(noop), medianMs(withProcessor),
                    medianMs(scan));
        } finally {
            delete(tmp);
        }
    }

    /** Sees every annotation, does nothing, claims nothing. */
    @javax.annotation.processing.SupportedAnnotationTypes("*")
    @javax.annotation.processing.SupportedOptions("apphost.moduleDir")
    private static final class NoOp extends javax.annotation.processing.AbstractProcessor {
        @Override
        public javax.lang.model.SourceVersion getSupportedSourceVersion() {
            return javax.lang.model.SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends javax.lang.model.element.TypeElement> annotations,
                javax.annotation.processing.RoundEnvironment round) {
            return false;
        }
    }

    private static Supplier<Processor> processors(Path processorJar) throws IOException {
        if (processorJar == null) {
            return AppHostProcessor::new;
        }
        // as on a processor path: the shaded jar alone, over the platform class loader
        URLClassLoader loader = new URLClassLoader(new URL[] {processorJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return () -> {
            try {
                return (Processor) loader.loadClass(AppHostProcessor.class.getName())
                        .getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void scanAndGenerate(Path host) throws Exception {
        ReactorScanner scanner = new ReactorScanner();
        Reactor reactor = scanner.scan(scanner.findModulePom(host), null);
        ProjectNames.Result names = ProjectNames.assign(reactor.runnableModules(Set.of()));
        StringWriter out = new StringWriter();
        ProjectsSourceGenerator generator = new ProjectsSourceGenerator(true);
        out.write(generator.generate("demo", "demo.Host", names.projects()));
        out.write(generator.table(host, names.projects()));
        if (names.hasErrors() || out.getBuffer().length() == 0) {
            throw new IllegalStateException(names.problems().toString());
        }
    }

    /** Compiles into fresh folders under {@code tmp}; returns the generated-sources folder. */
    private static Path compile(JavaCompiler javac, String classpath, Path host, List<Path> sources,
            Processor processor, Path tmp, String name) throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("out/" + name + "/classes"));
        Path generated = Files.createDirectories(tmp.resolve("out/" + name + "/generated"));
        List<String> options = new ArrayList<>(List.of(
                "-d", classes.toString(), "-s", generated.toString(), "-cp", classpath,
                "-implicit:none", "-Aapphost.moduleDir=" + host));
        if (processor == null) {
            options.add("-proc:none");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call() || !diagnostics.getDiagnostics().isEmpty()) {
                throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
            }
        }
        delete(classes);
        return generated;
    }

    /** Root aggregator, {@code modules / 50} group aggregators of up to 50 jar modules, a host. */
    /** {@link #writeReactor}, for the processor's tests: the host module of a reactor of {@code modules} jar modules. */
    public static Path writeReactorForTests(Path root, int modules) throws IOException {
        return writeReactor(root, modules);
    }

    static Path writeReactor(Path root, int modules) throws IOException {
        List<String> groups = new ArrayList<>();
        for (int start = 0, g = 0; start < modules; start += 50, g++) {
            String group = String.format(Locale.ROOT, "group-%02d", g);
            groups.add(group);
            List<String> members = new ArrayList<>();
            for (int m = start; m < Math.min(modules, start + 50); m++) {
                String artifactId = String.format(Locale.ROOT, "service-%03d", m);
                members.add(artifactId);
                write(root.resolve(group + "/" + artifactId + "/pom.xml"), pom(
                        "<parent><groupId>bench</groupId><artifactId>" + group + "</artifactId>"
                                + "<version>1.0-SNAPSHOT</version></parent>",
                        artifactId, "", List.of(),
                        "<dependencies><dependency><groupId>org.example</groupId>"
                                + "<artifactId>lib</artifactId><version>1.0</version></dependency>"
                                + "</dependencies>"));
            }
            write(root.resolve(group + "/pom.xml"), pom(
                    "<parent><groupId>bench</groupId><artifactId>root</artifactId>"
                            + "<version>1.0-SNAPSHOT</version></parent>",
                    group, "<packaging>pom</packaging>", members, ""));
        }
        List<String> all = new ArrayList<>(groups);
        all.add("host");
        write(root.resolve("pom.xml"), pom("", "root",
                "<groupId>bench</groupId><version>1.0-SNAPSHOT</version><packaging>pom</packaging>",
                all, "<properties><maven.compiler.release>17</maven.compiler.release></properties>"));
        Path host = root.resolve("host");
        write(host.resolve("pom.xml"), pom(
                "<parent><groupId>bench</groupId><artifactId>root</artifactId>"
                        + "<version>1.0-SNAPSHOT</version></parent>",
                "host", "", List.of(), ""));
        write(host.resolve("src/main/java/demo/Host.java"), """
                package demo;

                import dev.apphost.annotations.AppHost;
                import dev.apphost.annotations.ProjectMetadata;

                @AppHost
                public class Host {
                    public static ProjectMetadata first() {
                        return new Projects.Service000();
                    }
                }
                """);
        return host.toAbsolutePath();
    }

    private static String pom(String parent, String artifactId, String more, List<String> modules,
            String tail) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  " + parent + "\n  <artifactId>" + artifactId
                + "</artifactId>\n  " + more + "\n");
        if (!modules.isEmpty()) {
            s.append("  <modules>\n");
            modules.forEach(m -> s.append("    <module>").append(m).append("</module>\n"));
            s.append("  </modules>\n");
        }
        return s.append("  ").append(tail).append("\n</project>\n").toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static double medianMs(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return median / 1_000_000.0;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
