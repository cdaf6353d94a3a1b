package dev.apphost.spring.connection;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One connection the AppHost injected for a {@code withReference(...)}: the connection string from
 * {@code ConnectionStrings__<name>} and Aspire 13's connection properties {@code <NAME>_HOST},
 * {@code <NAME>_PORT}, {@code <NAME>_USERNAME}, {@code <NAME>_PASSWORD}, {@code <NAME>_URI},
 * {@code <NAME>_DATABASE}, {@code <NAME>_JDBCCONNECTIONSTRING}…
 *
 * <pre>{@code
 * AppHostConnection cache = AppHostConnections.from(environment).find("cache").orElseThrow();
 * String host = cache.property("HOST").orElse("localhost");
 * }</pre>
 *
 * @param name the reference's name, as in {@code ConnectionStrings__<name>} (hyphens kept)
 * @param connectionString the connection string, or {@code null} when only properties were injected
 * @param properties the connection properties by upper-case property name ({@code HOST}, {@code URI}…)
 */
public record AppHostConnection(String name, String connectionString, Map<String, String> properties) {

    public AppHostConnection {
        properties = Map.copyOf(properties);
    }

    /** A connection property such as {@code HOST} or {@code JDBCCONNECTIONSTRING}, from {@code <NAME>_<PROPERTY>}. */
    public Optional<String> property(String property) {
        String value = properties.get(property.toUpperCase(Locale.ROOT));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The prefix of this connection's property variables: the name encoded as Aspire 13.1 does
     * ({@code [^A-Za-z0-9_]} → {@code _}, a leading digit gets {@code _}), upper-cased, and {@code _}.
     * The same rule as the AppHost's {@code EnvironmentPlanner.encodeVariableName}, repeated here
     * because a service must not depend on apphost-runtime.
     */
    public static String propertyPrefix(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 2);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            sb.append(ok ? c : '_');
        }
        if (sb.length() > 0 && Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT) + "_";
    }

    /** Where this connection came from, for messages: {@code ConnectionStrings__cache} or {@code CACHE_*}. */
    public String source() {
        return connectionString != null ? "ConnectionStrings__" + name : propertyPrefix(name) + "*";
    }
}
