package dev.apphost.maven.reactor;

import dev.apphost.launch.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
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

    private static final String KEY = "key ";
    private static final String MODULE = "module ";
    private static final String ENTRY = "  ";

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
        List<String> lines;
        FileTime written;
        try {
            written = Files.getLastModifiedTime(file);
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // none yet, or unreadable: resolve
        }
        if (lines.isEmpty() || !lines.get(0).equals(KEY + key)) {
            return Optional.empty();
        }
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        List<Path> current = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(MODULE)) {
                current = new ArrayList<>();
                classpaths.put(line.substring(MODULE.length()), current);
            } else if (line.startsWith(ENTRY) && current != null) {
                Path entry = Path.of(line.substring(ENTRY.length()));
                if (!stillValid(entry, written)) {
                    return Optional.empty();
                }
                current.add(entry);
            } else {
                return Optional.empty(); // not what write() writes
            }
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

    /**
     * Writes {@code classpaths} (module key to entries) under {@code key}; returns false, writing
     * nothing, when a name holds a line break (the file has a line per name).
     */
    public static boolean write(Path file, String key, Map<String, List<Path>> classpaths) throws IOException {
        for (Map.Entry<String, List<Path>> module : classpaths.entrySet()) {
            if (hasLineBreak(module.getKey()) || module.getValue().stream().anyMatch(p -> hasLineBreak(p.toString()))) {
                return false;
            }
        }
        StringBuilder text = new StringBuilder(KEY).append(key).append('\n');
        for (Map.Entry<String, List<Path>> module : classpaths.entrySet()) {
            text.append(MODULE).append(module.getKey()).append('\n');
            for (Path entry : module.getValue()) {
                text.append(ENTRY).append(entry).append('\n');
            }
        }
        PrivateFiles.write(file, text.toString());
        return true;
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
