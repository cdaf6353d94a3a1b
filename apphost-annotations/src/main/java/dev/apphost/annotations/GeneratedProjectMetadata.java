package dev.apphost.annotations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base of the nested classes of a generated {@code Projects} class. They are empty: their
 * values live in one table the processor writes beside {@code Projects.class}, {@code Projects.tsv},
 * which lists every runnable module (javac compiles no methods, and by default only the classes of
 * the modules the AppHost's sources name). AppHost code never
 * touches this class; it passes {@code Projects.ApiService.class} to
 * {@code builder.addProject(Projects.ApiService.class, "apiservice")}.
 *
 * <p>Table format, UTF-8, one module a line, tab-separated, {@code #} lines are comments:
 * {@code name groupId artifactId version pom}, where {@code pom} is the module's {@code pom.xml}
 * relative to the AppHost module's folder, with {@code /} separators; {@code \t}, {@code \n} and
 * {@code \\} are escaped.
 */
public abstract class GeneratedProjectMetadata implements ProjectMetadata {

    /** The table's file name suffix: {@code Projects} + {@value}. */
    public static final String TABLE_SUFFIX = ".tsv";

    private static final Map<Class<?>, Map<String, String[]>> TABLES = new ConcurrentHashMap<>();

    private final String[] row;

    protected GeneratedProjectMetadata() {
        Class<?> holder = getClass().getEnclosingClass();
        if (holder == null) {
            throw new IllegalStateException(getClass().getName() + " must be nested in a generated Projects class.");
        }
        String[] found = TABLES.computeIfAbsent(holder, GeneratedProjectMetadata::read).get(getClass().getSimpleName());
        if (found == null) {
            throw new IllegalStateException(holder.getSimpleName() + TABLE_SUFFIX + " has no row for "
                    + getClass().getName() + ": it is older than " + holder.getName()
                    + "; recompile the AppHost module (mvn clean compile).");
        }
        this.row = found;
    }

    /** The module's {@code pom.xml}, relative to the AppHost module's folder. */
    @Override
    public String projectPath() {
        return row[4];
    }

    @Override
    public String groupId() {
        return row[1];
    }

    @Override
    public String artifactId() {
        return row[2];
    }

    @Override
    public String version() {
        return row[3];
    }

    private static Map<String, String[]> read(Class<?> holder) {
        String name = holder.getSimpleName() + TABLE_SUFFIX;
        Map<String, String[]> rows = new HashMap<>();
        try (InputStream in = holder.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + holder.getName()
                        + ": the apphost processor writes both; recompile the AppHost module (mvn clean compile).");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 5) {
                    throw new IllegalStateException(name + " beside " + holder.getName() + " has a malformed line: "
                            + line + "; recompile the AppHost module (mvn clean compile).");
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unescape(fields[i]);
                }
                rows.put(fields[0], fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " beside " + holder.getName(), e);
        }
        return rows;
    }

    /** Inverse of the processor's escaping: {@code \t}, {@code \n}, {@code \r}, {@code \\}. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
