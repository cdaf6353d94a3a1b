package dev.apphost.maven.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the AppHost module of a reactor: the module whose sources hold a class annotated with
 * {@code @dev.apphost.annotations.AppHost} (a text scan, so it works before compilation), or
 * whose pom sets the property {@code apphost.appHost} to {@code true}. {@code -Dapphost.module}
 * chooses explicitly, by artifactId or folder.
 */
public final class AppHostLocator {

    static final String ANNOTATION = "dev.apphost.annotations.AppHost";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("@(dev\\.apphost\\.annotations\\.)?AppHost\\b");
    private static final Pattern EXCLUDE = Pattern.compile(
            "@(?:dev\\.apphost\\.annotations\\.)?AppHost\\s*\\((?:[^)\"]|\"(?:[^\"\\\\]|\\\\.)*\")*?\\bexclude\\s*=\\s*(\\{[^}]*\\}|\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+dev\\.apphost\\.annotations\\.(AppHost|\\*)\\s*;", Pattern.MULTILINE);

    /** A reactor module as the locator sees it. */
    public static final class Module {
        final String artifactId;
        final Path directory;
        final List<Path> sourceRoots;
        final boolean marked;

        /**
         * @param artifactId the module's artifactId
         * @param directory its folder
         * @param sourceRoots its compile source roots
         * @param marked whether its pom sets {@code apphost.appHost=true}
         */
        public Module(String artifactId, Path directory, List<Path> sourceRoots, boolean marked) {
            this.artifactId = Objects.requireNonNull(artifactId, "artifactId == null");
            this.directory = directory.toAbsolutePath().normalize();
            this.sourceRoots = List.copyOf(sourceRoots);
            this.marked = marked;
        }

        public String artifactId() {
            return artifactId;
        }

        public Path directory() {
            return directory;
        }
    }

    /** The AppHost module found, with its {@code @AppHost} class if the scan saw one. */
    public static final class Found {
        private final Module module;
        private final String appHostClass;
        private final Set<String> excludes;

        Found(Module module, String appHostClass) {
            this(module, appHostClass, Set.of());
        }

        Found(Module module, String appHostClass, Set<String> excludes) {
            this.module = module;
            this.appHostClass = appHostClass;
            this.excludes = Set.copyOf(excludes);
        }

        /** The artifactIds in {@code @AppHost(exclude = ...)}: modules that are not planned. */
        public Set<String> excludes() {
            return excludes;
        }

        public Module module() {
            return module;
        }

        /** The annotated class's binary name, or empty when the module was chosen by property only. */
        public Optional<String> appHostClass() {
            return Optional.ofNullable(appHostClass);
        }
    }

    private AppHostLocator() {
    }

    /**
     * Finds the AppHost module.
     *
     * @param modules the reactor modules
     * @param selection {@code -Dapphost.module}: an artifactId, or a module folder or pom (relative
     *     to {@code baseDirectory} or absolute); {@code null} or blank to detect
     * @throws AppHostNotFoundException when none or several qualify, listing the candidates
     */
    public static Found locate(List<Module> modules, String selection, Path baseDirectory) {
        if (selection != null && !selection.isBlank()) {
            Module chosen = select(modules, selection.trim(), baseDirectory);
            return scan(chosen).stream().findFirst().orElseGet(() -> new Found(chosen, null));
        }
        List<Found> found = new ArrayList<>();
        for (Module module : modules) {
            List<Found> classes = scan(module);
            if (!classes.isEmpty()) {
                found.add(classes.get(0));
            } else if (module.marked) {
                found.add(new Found(module, null));
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new AppHostNotFoundException("No AppHost module found among "
                    + modules.stream().map(Module::artifactId).collect(Collectors.joining(", "))
                    + ": none has a class annotated with @" + ANNOTATION + " in its sources. Annotate the"
                    + " AppHost's main class with @AppHost, or choose the module with -Dapphost.module=<artifactId>.");
        }
        throw new AppHostNotFoundException("Several AppHost modules found: "
                + found.stream().map(f -> f.module.artifactId + f.appHostClass().map(c -> " (" + c + ")").orElse(""))
                        .collect(Collectors.joining(", "))
                + ". Choose one with -Dapphost.module=<artifactId>, e.g. -Dapphost.module="
                + found.get(0).module.artifactId + ".");
    }

    private static Module select(List<Module> modules, String selection, Path baseDirectory) {
        for (Module module : modules) {
            if (module.artifactId.equals(selection)) {
                return module;
            }
        }
        Path path = baseDirectory.resolve(selection).toAbsolutePath().normalize();
        if (path.getFileName() != null && path.getFileName().toString().equals("pom.xml")) {
            path = path.getParent();
        }
        for (Module module : modules) {
            if (module.directory.equals(path)) {
                return module;
            }
        }
        throw new AppHostNotFoundException("-Dapphost.module=" + selection + " matches no module of the reactor;"
                + " modules: " + modules.stream().map(Module::artifactId).collect(Collectors.joining(", ")) + ".");
    }

    /** The {@code @AppHost}-annotated top-level classes in the module's sources, with their excludes. */
    static List<Found> scan(Module module) {
        List<Found> classes = new ArrayList<>();
        for (Path root : module.sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted()
                        .collect(Collectors.toList())) {
                    Optional<String> annotated = appHostClass(file);
                    if (annotated.isPresent()) {
                        classes.add(new Found(module, annotated.get(), excludes(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot scan " + root + " for @AppHost", e);
            }
        }
        return classes;
    }

    static Optional<String> appHostClass(Path file) throws IOException {
        String source = read(file);
        if (!source.contains("AppHost")) {
            return Optional.empty();
        }
        String code = stripComments(source);
        Matcher use = USE.matcher(code);
        boolean annotated = false;
        while (use.find()) {
            if (use.group(1) != null || IMPORT.matcher(code).find()) {
                annotated = true;
                break;
            }
        }
        if (!annotated) {
            return Optional.empty();
        }
        Matcher pkg = PACKAGE.matcher(code);
        String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
        return Optional.of(pkg.find() ? pkg.group(1) + "." + simpleName : simpleName);
    }

    /** The string literals of {@code exclude = ...} in the file's {@code @AppHost}, read as text. */
    static Set<String> excludes(Path file) throws IOException {
        Matcher exclude = EXCLUDE.matcher(stripComments(read(file)));
        Set<String> names = new LinkedHashSet<>();
        if (exclude.find()) {
            Matcher literal = STRING.matcher(exclude.group(1));
            while (literal.find()) {
                names.add(literal.group(1).trim());
            }
        }
        return names;
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        }
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }

}
