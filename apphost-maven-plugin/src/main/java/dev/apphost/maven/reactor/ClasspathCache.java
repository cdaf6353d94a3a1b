package dev.apphost.maven.reactor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime classpaths of a reactor's modules, kept from one apphost goal to the next so that an
 * unchanged reactor is not resolved again. An entry is reused only when its key (what decides the
 * resolution: each module's effective dependencies, managed versions and active profiles, the local
 * repository) is the same, every path in it still exists, and no file in it was modified after the
 * entry was written (a re-installed snapshot, for one).
 *
 * <pre>{@code
 * String key = ClasspathCache.key(lines);                      // from the reactor's models
 * Map<String, List<Path>> classpaths = ClasspathCache.read(file, key)
 *         .orElseGet(() -> resolveAndWrite(file, key));         // ClasspathCache.write(file, key, resolved)
 * }</pre>
 */
public final class ClasspathCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClasspathCache() {
    }

    /**
     * A fingerprint of {@code lines} (two 64-bit hashes and the count): it tells one reactor state from
     * another, nothing more (a cryptographic digest would cost its provider's start-up at every goal).
     */
    public static String key(List<String> lines) {
        long fnv = 0xcbf29ce484222325L;
        long polynomial = 17;
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                fnv = (fnv ^ c) * 0x100000001b3L;
                polynomial = polynomial * 1_000_003 + c;
            }
            fnv = (fnv ^ '\n') * 0x100000001b3L;
            polynomial = polynomial * 1_000_003 + '\n';
        }
        return Long.toHexString(fnv) + "-" + Long.toHexString(polynomial) + "-" + lines.size();
    }

    /** The classpaths written under {@code key}, when they are still valid; empty otherwise. */
    public static Optional<Map<String, List<Path>>> read(Path file, String key) {
        Stored stored;
        FileTime written;
        try {
            written = Files.getLastModifiedTime(file);
            stored = JSON.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            return Optional.empty(); // none yet, or unreadable: resolve
        }
        if (!key.equals(stored.key) || stored.classpaths == null) {
            return Optional.empty();
        }
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> module : stored.classpaths.entrySet()) {
            List<Path> entries = module.getValue().stream().map(Path::of).toList();
            for (Path entry : entries) {
                if (!stillValid(entry, written)) {
                    return Optional.empty();
                }
            }
            classpaths.put(module.getKey(), entries);
        }
        return Optional.of(classpaths);
    }

    private static boolean stillValid(Path entry, FileTime written) {
        try {
            return Files.isDirectory(entry) || Files.getLastModifiedTime(entry).compareTo(written) < 0;
        } catch (IOException e) {
            return false; // gone
        }
    }

    /** Writes {@code classpaths} (module key to entries) under {@code key}. */
    public static void write(Path file, String key, Map<String, List<Path>> classpaths) throws IOException {
        Stored stored = new Stored();
        stored.key = key;
        stored.classpaths = new LinkedHashMap<>();
        classpaths.forEach((module, entries) ->
                stored.classpaths.put(module, entries.stream().map(Path::toString).toList()));
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        JSON.writeValue(temporary.toFile(), stored);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's shape. */
    static final class Stored {
        public String key;
        public Map<String, List<String>> classpaths;
    }
}
