package dev.apphost.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the main class of a module, in this order:
 *
 * <ol>
 *   <li>pom properties {@code apphost.mainClass}, {@code exec.mainClass}, {@code start-class}
 *       (Spring Boot's);
 *   <li>maven-jar-plugin's {@code <archive><manifest><mainClass>};
 *   <li>the single class in the classes directory with {@code public static void main(String[])}.
 * </ol>
 *
 * A value that still holds an unresolved {@code ${…}} placeholder counts as not set.
 *
 * None or several in the last step is a {@link MainClassNotFoundException}.
 */
public final class MainClassResolver {

    /** The pom properties consulted, in order. */
    public static final List<String> PROPERTIES = List.of("apphost.mainClass", "exec.mainClass", "start-class");

    private MainClassResolver() {
    }

    /** What the resolver knows about a module. */
    public static final class Module {
        final String artifactId;
        final Path pom;
        final Map<String, String> properties;
        final String manifestMainClass;
        final Path classesDirectory;

        /**
         * @param artifactId the module, for messages
         * @param pom the module's pom.xml, for messages
         * @param properties the module's (effective) pom properties
         * @param manifestMainClass maven-jar-plugin's {@code archive/manifest/mainClass}, or {@code null}
         * @param classesDirectory the module's {@code target/classes}
         */
        public Module(String artifactId, Path pom, Map<String, String> properties, String manifestMainClass,
                Path classesDirectory) {
            this.artifactId = Objects.requireNonNull(artifactId, "artifactId == null");
            this.pom = Objects.requireNonNull(pom, "pom == null");
            this.properties = properties == null ? Map.of() : Map.copyOf(properties);
            this.manifestMainClass = manifestMainClass;
            this.classesDirectory = Objects.requireNonNull(classesDirectory, "classesDirectory == null");
        }
    }

    /** The outcome: a main class, or none with the candidates that were found. */
    public static final class Result {
        private final String mainClass;
        private final List<String> candidates;

        Result(String mainClass, List<String> candidates) {
            this.mainClass = mainClass;
            this.candidates = List.copyOf(candidates);
        }

        /** The main class or {@code null}. */
        public String mainClass() {
            return mainClass;
        }

        /** Classes with a main method found by scanning (empty if the main class came from configuration). */
        public List<String> candidates() {
            return candidates;
        }
    }

    /** Resolves the main class, throwing {@link MainClassNotFoundException} when none or several qualify. */
    public static String resolve(Module module) {
        Result result = tryResolve(module);
        if (result.mainClass() == null) {
            throw new MainClassNotFoundException(module.artifactId, module.pom, result.candidates());
        }
        return result.mainClass();
    }

    /** Like {@link #resolve(Module)} but reports "none or several" as a result without main class. */
    public static Result tryResolve(Module module) {
        for (String property : PROPERTIES) {
            String value = module.properties.get(property);
            if (isUsable(value)) {
                return new Result(value.trim(), List.of());
            }
        }
        if (isUsable(module.manifestMainClass)) {
            return new Result(module.manifestMainClass.trim(), List.of());
        }
        List<String> candidates = findMainClasses(module.classesDirectory);
        return new Result(candidates.size() == 1 ? candidates.get(0) : null, candidates);
    }

    /**
     * A configured value is used only when it is set and fully resolved: spring-boot-starter-parent's
     * jar manifest says {@code ${start-class}}, which stays literal in the effective model while the
     * module does not define {@code start-class}; such a value falls through to the class-file scan.
     */
    static boolean isUsable(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    /** Every class under {@code classesDirectory} declaring {@code public static void main(String[])}, sorted. */
    public static List<String> findMainClasses(Path classesDirectory) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(classesDirectory)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            List<Path> classFiles = files.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.class"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.class"))
                    .sorted()
                    .collect(java.util.stream.Collectors.toList());
            for (Path classFile : classFiles) {
                try (InputStream in = Files.newInputStream(classFile)) {
                    String name = ClassFileReader.mainClassName(in);
                    if (name != null) {
                        found.add(name);
                    }
                } catch (IOException notAClassFile) {
                    // skip unreadable or foreign files
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + classesDirectory + " for main classes", e);
        }
        found.sort(null);
        return found;
    }
}
