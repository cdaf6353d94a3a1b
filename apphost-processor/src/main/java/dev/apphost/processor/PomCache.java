package dev.apphost.processor;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;

/**
 * What the scanner needs of each pom it read (coordinates, parent, packaging, modules, properties),
 * kept in a file between compilations (the user's {@code ~/.apphost/cache}, else the build output), keyed by the pom's path, size and
 * modification time. A cold javac then stats the reactor's poms instead of parsing them: Maven's
 * parser is most of the processor's own time in a fresh JVM. A pom whose size or time changed, or
 * that is not in the file, is read again with Maven's reader; a file that cannot be read or written
 * just means no cache.
 *
 * <p>Usage: {@code var cache = PomCache.load(file); new ReactorScanner(cache).scan(pom, null); cache.save();}
 */
final class PomCache {

    private static final String HEADER = "# apphost processor pom cache v1: path size mtime groupId artifactId"
            + " version packaging parentGroupId parentArtifactId parentVersion moduleCount modules... properties...";
    private static final String NULL = "\\0";
    private static final int FIXED = 11;

    private record Entry(long size, String mtime, Model model) {
    }

    private final Path file;
    private final Map<Path, Entry> entries;
    private final Map<Path, Entry> used = new HashMap<>();
    private boolean changed;

    private PomCache(Path file, Map<Path, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** A cache that remembers nothing (no file to keep it in). */
    static PomCache none() {
        return new PomCache(null, new HashMap<>());
    }

    /** System property naming apphost's per-user folder instead of {@code ~/.apphost} (the runtime reads it too). */
    static final String STATE_DIRECTORY_PROPERTY = "apphost.stateDirectory";

    /**
     * {@code <state folder>/cache/processor-poms-<16 hex digits of the module pom's path>.tsv}, the state
     * folder being {@value #STATE_DIRECTORY_PROPERTY} or {@code ~/.apphost}; {@code null} when that
     * folder cannot be made or written (a read-only or missing home).
     */
    static Path userFile(Path modulePom) {
        String state = System.getProperty(STATE_DIRECTORY_PROPERTY);
        String home = System.getProperty("user.home");
        if ((state == null || state.isBlank()) && (home == null || home.isBlank())) {
            return null;
        }
        try {
            Path folder = (state != null && !state.isBlank() ? Path.of(state) : Path.of(home, ".apphost"))
                    .resolve("cache");
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                return null;
            }
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    modulePom.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve("processor-poms-" + java.util.HexFormat.of().formatHex(hash, 0, 8) + ".tsv");
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    /** The cache kept in {@code file}; empty when the file is missing or unreadable. */
    static PomCache load(Path file) {
        Map<Path, Entry> entries = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (HEADER.equals(header)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] fields = line.split("\t", -1);
                    Path pom = Path.of(unescape(fields[0]));
                    entries.put(pom, new Entry(Long.parseLong(fields[1]), fields[2], model(fields)));
                }
            }
        } catch (NoSuchFileException e) {
            // first build
        } catch (IOException | RuntimeException e) {
            entries.clear(); // a damaged file is rebuilt
        }
        return new PomCache(file, entries);
    }

    /** The model read before from {@code pom} when it has not changed since; else null. */
    Model get(Path pom) {
        Entry entry = entries.get(pom);
        if (entry == null) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(pom, BasicFileAttributes.class);
            if (attributes.size() == entry.size() && stamp(attributes).equals(entry.mtime())) {
                used.put(pom, entry);
                return entry.model();
            }
        } catch (IOException e) {
            // read it again, which reports the problem
        }
        return null;
    }

    /** Remembers a model just read from {@code pom} (with the size and time it has now). */
    void put(Path pom, Model model) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(pom, BasicFileAttributes.class);
            used.put(pom, new Entry(attributes.size(), stamp(attributes), model));
            changed = true;
        } catch (IOException e) {
            // not cached
        }
    }

    /**
     * Writes the poms used by this compilation's scans (others are dropped), when anything changed.
     * Written to a temporary file and moved, so a concurrent compilation reads an old or a new file.
     */
    void save() {
        if (file == null || (!changed && used.size() == entries.size())) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writer.write(HEADER);
                writer.write('\n');
                for (Map.Entry<Path, Entry> e : used.entrySet()) {
                    writer.write(line(e.getKey(), e.getValue()));
                    writer.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache next time
        }
    }

    private static String stamp(BasicFileAttributes attributes) {
        Instant time = attributes.lastModifiedTime().toInstant();
        return time.getEpochSecond() + "." + time.getNano();
    }

    private static String line(Path pom, Entry entry) {
        Model model = entry.model();
        Parent parent = model.getParent();
        List<String> fields = new ArrayList<>(List.of(pom.toString(), Long.toString(entry.size()), entry.mtime()));
        fields.add(model.getGroupId());
        fields.add(model.getArtifactId());
        fields.add(model.getVersion());
        fields.add(model.getPackaging());
        fields.add(parent == null ? null : parent.getGroupId());
        fields.add(parent == null ? null : parent.getArtifactId());
        fields.add(parent == null ? null : parent.getVersion());
        fields.add(Integer.toString(model.getModules().size()));
        fields.addAll(model.getModules());
        for (String key : model.getProperties().stringPropertyNames()) {
            fields.add(key);
            fields.add(model.getProperties().getProperty(key));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : "\t").append(i < 3 ? escape(fields.get(i)) : escapeOrNull(fields.get(i)));
        }
        return out.toString();
    }

    private static Model model(String[] fields) {
        Model model = new Model();
        model.setGroupId(unescape(fields[3]));
        model.setArtifactId(unescape(fields[4]));
        model.setVersion(unescape(fields[5]));
        model.setPackaging(unescape(fields[6]));
        String parentArtifactId = unescape(fields[8]);
        if (parentArtifactId != null) {
            Parent parent = new Parent();
            parent.setGroupId(unescape(fields[7]));
            parent.setArtifactId(parentArtifactId);
            parent.setVersion(unescape(fields[9]));
            model.setParent(parent);
        }
        int modules = Integer.parseInt(fields[10]);
        for (int i = 0; i < modules; i++) {
            model.addModule(unescape(fields[FIXED + i]));
        }
        Properties properties = new Properties();
        for (int i = FIXED + modules; i + 1 < fields.length; i += 2) {
            properties.setProperty(unescape(fields[i]), unescape(fields[i + 1]));
        }
        model.setProperties(properties);
        return model;
    }

    private static String escapeOrNull(String field) {
        return field == null ? NULL : escape(field);
    }

    private static String escape(String field) {
        return TsvFields.escape(field);
    }

    private static String unescape(String field) {
        return field.equals(NULL) ? null : TsvFields.unescape(field);
    }
}
