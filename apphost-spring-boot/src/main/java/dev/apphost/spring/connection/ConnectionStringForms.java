package dev.apphost.spring.connection;

import dev.apphost.spring.AppHostConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises and splits the connection-string forms Aspire's resources inject. */
final class ConnectionStringForms {

    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9._:-]+]?:\\d{1,5}");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*", Pattern.DOTALL);

    private ConnectionStringForms() {
    }

    /** The URI scheme of the connection string if it is a URI, else of {@code <NAME>_URI}, lower-cased. */
    static Optional<String> scheme(AppHostConnection connection) {
        return uriText(connection).map(text -> {
            var m = SCHEME.matcher(text);
            return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        });
    }

    /** The connection string when it is a URI, else {@code <NAME>_URI}. */
    static Optional<String> uriText(AppHostConnection connection) {
        String cs = connection.connectionString();
        if (cs != null && SCHEME.matcher(cs).matches()) {
            return Optional.of(cs);
        }
        return connection.property("URI").filter(u -> SCHEME.matcher(u).matches());
    }

    static URI uri(AppHostConnection connection) {
        String text = uriText(connection).orElseThrow();
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new AppHostConfigurationException(connection.source() + " is not a valid URI (" + e.getMessage()
                    + "); check the value the AppHost injects for '" + connection.name() + "'.", e);
        }
    }

    /** {@code host:port[,host:port…]} and nothing else: Kafka's bootstrap servers, or Redis without options. */
    static boolean isHostPortList(String cs) {
        if (cs == null || cs.contains("://")) {
            return false;
        }
        for (String part : cs.split(",")) {
            if (!HOST_PORT.matcher(part.trim()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** StackExchange.Redis's {@code host:port,option=value…}: endpoints first, then options. */
    static boolean isStackExchangeRedis(String cs) {
        if (cs == null || cs.contains("://") || cs.contains(";")) {
            return false;
        }
        String[] parts = cs.split(",");
        return !parts[0].contains("=") && parts.length > 1;
    }

    /** ADO.NET's {@code Key=Value;Key=Value} naming a server (PostgreSQL, MySQL, SQL Server, Oracle). */
    static boolean isAdoNet(String cs) {
        if (cs == null || cs.contains("://") || !cs.split("[;]")[0].contains("=")) {
            return false;
        }
        Map<String, String> keys = keyValues(cs, ';');
        return keys.containsKey("host") || keys.containsKey("server") || keys.containsKey("data source");
    }

    /** {@code k=v<sep>k=v} with lower-cased keys; parts without {@code =} are skipped. */
    static Map<String, String> keyValues(String text, char separator) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : text.split(Pattern.quote(String.valueOf(separator)))) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                result.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return result;
    }

    static int port(AppHostConnection connection, String text, String what) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AppHostConfigurationException(connection.source() + " has " + what + " '" + text
                + "', which is not a port (1-65535); check the value the AppHost injects for '" + connection.name() + "'.");
    }

    static int database(AppHostConnection connection, String text) {
        try {
            int database = Integer.parseInt(text.trim());
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AppHostConfigurationException(connection.source() + " names database '" + text
                + "', which is not a Redis database number (0, 1, …); check the value the AppHost injects for '"
                + connection.name() + "'.");
    }
}
