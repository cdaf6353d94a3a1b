package dev.apphost;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The AppHost's merged configuration, keys separated by {@code :} and compared case-insensitively,
 * as in .NET. Sources, from lowest to highest precedence:
 * <ol>
 *   <li>{@code apphost.properties} in the AppHost's folder ({@code Parameters\:password=...}, or
 *       {@code Parameters.password=...}: a {@code .} or {@code __} also separates keys there);</li>
 *   <li>generated values kept in the per-user secrets store (see {@link UserSecrets});</li>
 *   <li>environment variables, {@code __} standing for {@code :} ({@code Parameters__password});</li>
 *   <li>command-line arguments: {@code --key=value}, {@code --key value}, {@code key=value}.</li>
 * </ol>
 *
 * <pre>{@code
 * var builder = DistributedApplication.createBuilder(args);
 * String env = builder.configuration().get("Environment");            // --Environment=Testing
 * String pw = builder.configuration().get("Parameters:password");    // Parameters__password=... in the env
 * }</pre>
 */
public final class Configuration {

    public static final String PUBLISHER_KEY = "Publishing:Publisher";
    public static final String OUTPUT_PATH_KEY = "Publishing:OutputPath";
    public static final String PROPERTIES_FILE = "apphost.properties";

    /** Aspire's switch mappings: short command-line switches for well-known keys. */
    private static final Map<String, String> SWITCHES = Map.of(
            "publisher", PUBLISHER_KEY,
            "output-path", OUTPUT_PATH_KEY,
            "operation", "AppHost:Operation");

    private final List<Map<String, String>> layers;
    private final Map<String, String> originalKeys = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** Values set in code ({@link #set}), above every source. */
    private final Map<String, String> overrides = new java.util.concurrent.ConcurrentHashMap<>();

    private Configuration(List<Map<String, String>> layersLowestFirst) {
        this.layers = layersLowestFirst;
        for (Map<String, String> layer : layersLowestFirst) {
            for (String key : layer.keySet()) {
                originalKeys.putIfAbsent(normalize(key), key);
            }
        }
    }

    /** Configuration from the given sources; any may be empty. */
    public static Configuration of(
            Map<String, String> propertiesFile, Map<String, String> userSecrets,
            Map<String, String> environment, List<String> args) {
        List<Map<String, String>> layers = new ArrayList<>();
        layers.add(normalizeAll(propertiesFile, true));
        layers.add(normalizeAll(userSecrets, false));
        layers.add(normalizeAll(environment, false));
        layers.add(parseArgs(args));
        return new Configuration(layers);
    }

    /** The process's own sources: {@code apphost.properties} in {@code appHostDirectory}, secrets, env, args. */
    static Configuration load(Path appHostDirectory, Map<String, String> userSecrets, List<String> args) {
        return of(readProperties(appHostDirectory.resolve(PROPERTIES_FILE)), userSecrets, System.getenv(), args);
    }

    /** The value for {@code key} ({@code a:b:c}), or {@code null}. */
    public String get(String key) {
        String normalized = normalize(key);
        String set = overrides.get(normalized);
        if (set != null) {
            return set;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            String value = layers.get(i).get(normalized);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * Sets {@code key} above every source, as .NET's {@code builder.Configuration["key"] = value}: a test
     * gives a parameter its value with {@code set("Parameters:password", "…")} before {@code build()}.
     * Values are read when the app starts; the execution context (run or publish) was decided already.
     */
    public void set(String key, String value) {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(value, "value");
        String normalized = normalize(key);
        originalKeys.putIfAbsent(normalized, key);
        overrides.put(normalized, value);
    }

    /** The value for {@code key}, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    /** Every key and its winning value, keys as first written. */
    public Map<String, String> asMap() {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, String> keys;
        synchronized (originalKeys) {
            keys = new LinkedHashMap<>(originalKeys);
        }
        for (Map.Entry<String, String> e : keys.entrySet()) {
            result.put(e.getValue(), get(e.getKey()));
        }
        return Collections.unmodifiableMap(result);
    }

    static Map<String, String> parseArgs(List<String> args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String body;
            boolean dashed = arg.startsWith("--") || arg.startsWith("/");
            if (arg.startsWith("--")) {
                body = arg.substring(2);
            } else if (arg.startsWith("/")) {
                body = arg.substring(1);
            } else {
                body = arg;
            }
            int eq = body.indexOf('=');
            String key;
            String value;
            if (eq >= 0) {
                key = body.substring(0, eq);
                value = body.substring(eq + 1);
            } else if (dashed && i + 1 < args.size()) {
                key = body;
                value = args.get(++i);
            } else {
                continue; // a bare word or a trailing switch: not configuration (.NET ignores it too)
            }
            String mapped = SWITCHES.get(key.toLowerCase(Locale.ROOT));
            result.put(normalize(mapped != null && arg.startsWith("--") ? mapped : key), value);
        }
        return result;
    }

    static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name));
        }
        return result;
    }

    private static Map<String, String> normalizeAll(Map<String, String> source, boolean dotsSeparate) {
        Map<String, String> result = new LinkedHashMap<>();
        source.forEach((k, v) -> result.put(normalize(dotsSeparate ? k.replace('.', ':') : k), v));
        return result;
    }

    private static String normalize(String key) {
        return key.replace("__", ":").toLowerCase(Locale.ROOT);
    }
}
