package dev.apphost.maven.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The AppHost's throw-away files: the plugin's {@code @argfile} and the AppHost JVM's temporary
 * folder ({@code -Djava.io.tmpdir}, where the runtime writes the {@code @argfile}s of the JVMs it
 * starts). They are removed when the AppHost has ended, whatever ended it (normal stop, failure,
 * SIGKILL after the shutdown timeout), and leftovers of a killed Maven at the next start.
 */
public final class WorkFiles {

    private final Path argFile;
    private final Path tempDirectory;

    public WorkFiles(Path argFile, Path tempDirectory) {
        this.argFile = argFile;
        this.tempDirectory = tempDirectory;
    }

    public Path argFile() {
        return argFile;
    }

    public Path tempDirectory() {
        return tempDirectory;
    }

    /** Removes leftovers and creates an empty temporary folder. */
    public void prepare() throws IOException {
        delete();
        Files.createDirectories(tempDirectory);
    }

    /** Removes both; never throws (it runs in shutdown hooks and {@code finally} blocks). */
    public void delete() {
        for (Path path : List.of(argFile, tempDirectory)) {
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // best effort: a file still open on Windows stays until the next start
            }
        }
    }
}
