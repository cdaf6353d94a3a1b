package dev.apphost.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A temporary folder with no pom.xml in it or in any folder above it, for the "outside any
 * reactor" cases: the usual temp folder may have a stray pom.xml above it on a shared machine,
 * so a few places are tried.
 */
final class NoPomAbove implements AutoCloseable {

    final Path dir;

    NoPomAbove() {
        Path found = null;
        for (String base : List.of(System.getProperty("java.io.tmpdir"), "/var/tmp", "/dev/shm",
                System.getProperty("user.home"))) {
            if (base == null) {
                continue;
            }
            Path candidate = Path.of(base).toAbsolutePath().normalize();
            if (Files.isDirectory(candidate) && Files.isWritable(candidate) && !pomAbove(candidate)) {
                try {
                    found = Files.createTempDirectory(candidate, "apphost-nopom");
                    break;
                } catch (IOException e) {
                    // try the next one
                }
            }
        }
        Assumptions.assumeTrue(found != null, "every temp folder has a pom.xml above it");
        dir = found;
    }

    private static boolean pomAbove(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
