package dev.apphost.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * Gives the AppHost its {@link LaunchPlan}, whether it was started by the Maven plugin or directly
 * (from the IDE, with {@code java -cp}).
 *
 * <ol>
 *   <li>With {@code -D}{@value LaunchPlan#SYSTEM_PROPERTY} set (the plugin does so): reads that file.
 *   <li>Otherwise: uses {@code <appHostDirectory>/target/apphost/launch-plan.json} when it exists and
 *       no {@code pom.xml} of the reactor is newer; else finds the reactor root upwards from the
 *       AppHost's folder (following {@code <modules>}), runs Maven once (the nearest {@code mvnw} at
 *       or above the reactor root, else {@code mvn}) with {@code dev.apphost:apphost-maven-plugin:<version>:launch-plan}, and reads
 *       what it wrote.
 * </ol>
 */
public final class LaunchPlanProvider {

    /** How long the Maven run that produces the plan may take. */
    static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);

    private static final String PLUGIN = "dev.apphost:apphost-maven-plugin";

    private LaunchPlanProvider() {
    }

    /**
     * The launch plan for the AppHost in {@code appHostDirectory}.
     *
     * @throws LaunchPlanException when the plan cannot be read or Maven fails to produce it; the
     *     message holds the command run and its output
     */
    public static LaunchPlan obtain(Path appHostDirectory) {
        Objects.requireNonNull(appHostDirectory, "appHostDirectory == null");
        String location = System.getProperty(LaunchPlan.SYSTEM_PROPERTY);
        if (location != null && !location.isBlank()) {
            return read(Path.of(location), "system property " + LaunchPlan.SYSTEM_PROPERTY);
        }
        Path directory = appHostDirectory.toAbsolutePath().normalize();
        Path reactorRoot = findReactorRoot(directory);
        Path cached = LaunchPlan.defaultLocation(directory);
        if (isFresh(cached, reactorRoot)) {
            return read(cached, "cached launch plan");
        }
        runMaven(command(reactorRoot, directory, cached, pluginVersion()), reactorRoot);
        return read(cached, "launch plan written by Maven");
    }

    /**
     * The reactor root for a module folder: going up from {@code directory}, each parent folder
     * whose {@code pom.xml} lists the folder below among its {@code <module>}s; stops at a folder
     * holding {@code .mvn} (Maven's multi-module project directory marker).
     */
    public static Path findReactorRoot(Path directory) {
        Path current = directory.toAbsolutePath().normalize();
        while (!Files.isDirectory(current.resolve(".mvn"))) {
            Path parent = current.getParent();
            if (parent == null || !Files.isRegularFile(parent.resolve("pom.xml"))
                    || !modules(parent.resolve("pom.xml")).contains(current)) {
                break;
            }
            current = parent;
        }
        return current;
    }

    /** The folders named by the {@code <module>} elements of a pom (profiles included); empty if unreadable. */
    static List<Path> modules(Path pom) {
        List<Path> modules = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("module");
            for (int i = 0; i < nodes.getLength(); i++) {
                Path module = pom.getParent().resolve(nodes.item(i).getTextContent().trim()).normalize();
                modules.add(module.getFileName() != null && module.getFileName().toString().endsWith(".xml")
                        ? module.getParent()
                        : module);
            }
        } catch (Exception unreadable) {
            // not a reactor we can follow
        }
        return modules;
    }

    /** Whether {@code plan} exists and is newer than every pom.xml below {@code reactorRoot}. */
    static boolean isFresh(Path plan, Path reactorRoot) {
        if (!Files.isRegularFile(plan)) {
            return false;
        }
        try {
            FileTime planTime = Files.getLastModifiedTime(plan);
            if (newestPom(reactorRoot).compareTo(planTime) > 0) {
                return false;
            }
            // a module that had no main class may have been compiled since
            LaunchPlan launchPlan = LaunchPlan.read(plan);
            for (ProjectLaunch project : launchPlan.projects()) {
                if (project.mainClass() == null
                        && Files.isDirectory(project.classesDirectory())
                        && Files.getLastModifiedTime(project.classesDirectory()).compareTo(planTime) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static FileTime newestPom(Path reactorRoot) throws IOException {
        FileTime[] newest = {FileTime.fromMillis(0)};
        Files.walkFileTree(reactorRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(reactorRoot) && (name.equals("target") || name.startsWith(".")
                        || name.equals("node_modules") || name.equals("src"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().equals("pom.xml")
                        && attrs.lastModifiedTime().compareTo(newest[0]) > 0) {
                    newest[0] = attrs.lastModifiedTime();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return newest[0];
    }

    /** The Maven command that writes the plan for the AppHost in {@code appHostDirectory} to {@code output}. */
    static List<String> command(Path reactorRoot, Path appHostDirectory, Path output, String version) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        // the reactor's wrapper, else one above it (a sample reactor inside a repository that has one)
        Path wrapper = null;
        for (Path dir = reactorRoot; dir != null && wrapper == null; dir = dir.getParent()) {
            Path candidate = dir.resolve(windows ? "mvnw.cmd" : "mvnw");
            if (Files.isRegularFile(candidate)) {
                wrapper = candidate;
            }
        }
        List<String> command = new ArrayList<>();
        command.add(wrapper != null ? wrapper.toString() : windows ? "mvn.cmd" : "mvn");
        command.add("-B");
        command.add("-q");
        command.add("-f");
        command.add(reactorRoot.resolve("pom.xml").toString());
        command.add(PLUGIN + ":" + version + ":launch-plan");
        command.add("-Dapphost.launchPlan.output=" + output);
        // A JVM that was told Maven's local repository (a test run by Surefire, say) computes the plan
        // against the same one, where this build's modules and the plugin are.
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        if (!appHostDirectory.equals(reactorRoot) && Files.isRegularFile(appHostDirectory.resolve("pom.xml"))) {
            command.add("-Dapphost.module=" + appHostDirectory);
        }
        return command;
    }

    private static void runMaven(List<String> command, Path reactorRoot) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(reactorRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        if (!env.containsKey("JAVA_HOME")) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LaunchPlanException("Cannot run Maven to compute the launch plan: " + String.join(" ", command)
                    + " (" + e.getMessage() + "). Start the AppHost with 'mvn apphost:run', or install Maven"
                    + " or add the Maven wrapper (mvnw) to " + reactorRoot + ".", e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream(), output), "apphost-launch-plan-maven");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LaunchPlanException("Maven did not write the launch plan within " + MAVEN_TIMEOUT
                        + ": " + String.join(" ", command));
            }
            pump.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LaunchPlanException("Interrupted while Maven computed the launch plan", e);
        }
        if (process.exitValue() != 0) {
            throw new LaunchPlanException("Maven failed to compute the launch plan (exit code " + process.exitValue()
                    + "): " + String.join(" ", command) + System.lineSeparator()
                    + output.toString(Charset.defaultCharset()));
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // process ended
        }
    }

    private static LaunchPlan read(Path file, String source) {
        try {
            return LaunchPlan.read(file);
        } catch (IOException e) {
            throw new LaunchPlanException("Cannot read the launch plan " + file + " (" + source + "): " + e.getMessage(),
                    e);
        }
    }

    /** The version of apphost, which is also the plugin version to run. */
    static String pluginVersion() {
        try (InputStream in = LaunchPlanProvider.class.getResourceAsStream("apphost-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.startsWith("$")) {
                    return version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = LaunchPlanProvider.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }
}
