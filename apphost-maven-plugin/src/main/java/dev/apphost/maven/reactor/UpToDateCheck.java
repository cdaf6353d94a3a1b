package dev.apphost.maven.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether the reactor must be compiled before an apphost goal runs, and remembers each time it
 * was. A module is up to date when nothing among its inputs (its pom, its parents' poms, everything
 * under {@code src/main}, its source and resource folders) changed since apphost last compiled it, and
 * its classes folder is there. One stale module means the whole reactor is compiled, as Maven's
 * forked {@code compile} always did: the AppHost's {@code Projects} class depends on every pom.
 *
 * <pre>{@code
 * UpToDateCheck check = new UpToDateCheck(modules);
 * Optional<String> reason = check.staleReason();
 * if (reason.isPresent()) {
 *     long started = System.currentTimeMillis();
 *     compileTheReactor();                 // Maven's lifecycle up to compile
 *     check.recordCompiled(started);       // writes each module's stamp
 * }
 * }</pre>
 *
 * <p>The stamp holds the time the compile started, less a slack: the kernel stamps files with a
 * clock that may lag the JVM's by a tick ({@link #FINE_SLACK}), and some file systems keep whole
 * seconds ({@link #COARSE_SLACK}, chosen when the stamp file's own time has no milliseconds). So a
 * file saved while the compile ran counts as changed next time, and one saved before it does not.
 */
public final class UpToDateCheck {

    /** Subtracted from the compile's start time: the file system's clock ticks behind the JVM's. */
    public static final Duration FINE_SLACK = Duration.ofMillis(100);

    /** Subtracted instead where the file system keeps modification times to the second. */
    public static final Duration COARSE_SLACK = Duration.ofSeconds(2);

    /**
     * One module: a name for messages, its folder (paths in messages are relative to it), where its
     * stamp lives, its classes folder when it must exist (empty for {@code pom} modules), and its inputs
     * (files or folders; missing ones are skipped).
     */
    public record Module(String name, Path directory, Path stampFile, Optional<Path> classesDirectory,
            List<Path> inputs) {
        public Module {
            inputs = List.copyOf(inputs);
        }
    }

    private final List<Module> modules;

    public UpToDateCheck(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    /** Why the reactor must be compiled (the first stale module found), or empty when it is up to date. */
    public Optional<String> staleReason() {
        for (Module module : modules) {
            Optional<String> reason = staleReason(module);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /** Marks every module compiled as of {@code compileStartedMillis}, less the slack. */
    public void recordCompiled(long compileStartedMillis) throws IOException {
        if (modules.isEmpty()) {
            return;
        }
        Path probe = modules.get(0).stampFile();
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, "\n", StandardCharsets.UTF_8);
        boolean coarse = Files.getLastModifiedTime(probe).toMillis() % 1000 == 0;
        String stamp = Long.toString(compileStartedMillis - (coarse ? COARSE_SLACK : FINE_SLACK).toMillis());
        for (Module module : modules) {
            Files.createDirectories(module.stampFile().getParent());
            Files.writeString(module.stampFile(), stamp + "\n", StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> staleReason(Module module) {
        Optional<Long> stamp = readStamp(module.stampFile());
        if (stamp.isEmpty()) {
            return Optional.of(module.name() + " was not compiled by apphost yet");
        }
        if (module.classesDirectory().isPresent() && !Files.isDirectory(module.classesDirectory().get())) {
            return Optional.of(module.name() + ": " + relative(module, module.classesDirectory().get()) + " is missing");
        }
        for (Path input : module.inputs()) {
            Optional<Path> changed = newerThan(input, stamp.get());
            if (changed.isPresent()) {
                return Optional.of(module.name() + ": " + relative(module, changed.get()) + " changed");
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> readStamp(Path stampFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(stampFile, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The first file or folder under {@code input} modified at or after {@code stamp}. Folders count
     * too: their time changes when an entry is added, removed or renamed. Hidden folders are skipped.
     */
    private static Optional<Path> newerThan(Path input, long stamp) {
        Path[] found = new Path[1];
        try {
            Files.walkFileTree(input, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(input) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return check(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return check(file, attrs);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted while walking; its folder's time tells
                    }
                    throw new UncheckedIOException(e);
                }

                private FileVisitResult check(Path path, BasicFileAttributes attrs) {
                    if (attrs.lastModifiedTime().toMillis() >= stamp) {
                        found[0] = path;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(input); // cannot tell: compile
        }
        return Optional.ofNullable(found[0]);
    }

    private static String relative(Module module, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = module.directory().toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
