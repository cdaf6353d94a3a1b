package dev.apphost.publish.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Compose {@code .env} file: {@code NAME=value} lines, each after a comment saying what it is.
 * Values are written raw (no quotes): Compose v1 and v2 read the rest of the line as the value.
 * {@code apphost:deploy} reads it back with {@link #read(Path)}.
 */
public final class EnvFile {

    record Entry(String comment, String value) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void put(String name, String value, String comment) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("The value of " + name + " spans lines, which .env cannot hold.");
        }
        entries.put(name, new Entry(comment, value));
    }

    Map<String, Entry> entries() {
        return entries;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        entries.forEach((name, entry) -> {
            sb.append("# ").append(entry.comment()).append('\n');
            sb.append(name).append('=').append(entry.value()).append('\n');
        });
        return sb.toString();
    }

    /** The values of an existing file, or none; comments and malformed lines are skipped. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1));
        }
        return values;
    }
}
