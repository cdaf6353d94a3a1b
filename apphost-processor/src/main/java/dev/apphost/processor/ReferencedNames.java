package dev.apphost.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names {@code Projects} declared in the module's previous builds, kept in
 * {@code target/apphost/processor-names-classes.txt} (one file per class output folder, so main and
 * test compilations keep their own). An incremental compiler (an IDE) may recompile the
 * {@code @AppHost} class without the other sources that name modules; declaring what was declared
 * before keeps their references valid. {@code mvn clean} forgets them. Without a folder to keep
 * them in, nothing is remembered.
 *
 * <p>Usage: {@code var names = ReferencedNames.load(file); ... names.save(declared);}
 */
final class ReferencedNames {

    private final Path file;
    private final Set<String> names;

    private ReferencedNames(Path file, Set<String> names) {
        this.file = file;
        this.names = names;
    }

    /** The names kept in {@code file} (null: none). */
    static ReferencedNames load(Path file) {
        Set<String> names = new TreeSet<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        names.add(line.trim());
                    }
                }
            } catch (NoSuchFileException e) {
                // first build
            } catch (IOException | RuntimeException e) {
                names.clear();
            }
        }
        return new ReferencedNames(file, names);
    }

    Set<String> names() {
        return Set.copyOf(names);
    }

    /** Keeps {@code declared} for the next build, when it differs from what is kept. */
    void save(Set<String> declared) {
        Set<String> sorted = new TreeSet<>(declared);
        if (file == null || sorted.equals(names)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, sorted, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            names.clear();
            names.addAll(sorted);
        } catch (IOException | RuntimeException e) {
            // not remembered
        }
    }
}
