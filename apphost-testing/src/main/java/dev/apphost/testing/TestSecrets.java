package dev.apphost.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A user-secrets folder per test app, under one owner-only folder per JVM removed when the JVM exits. */
final class TestSecrets {

    private static Path root;

    private TestSecrets() {
    }

    static synchronized Path newStore() {
        try {
            if (root == null) {
                root = Files.createTempDirectory("apphost-test-secrets",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Path created = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "apphost-test-secrets"));
            }
            return Files.createTempDirectory(root, "app");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a user-secrets folder for a test app: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // the JVM is exiting; a leftover temp folder is harmless
        }
    }
}
