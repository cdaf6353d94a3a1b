package dev.apphost.spring.connection;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Redis from an AppHost connection: the StackExchange.Redis connection string
 * ({@code localhost:62354,password=…,ssl=false,defaultDatabase=0}), else a {@code redis://} URI,
 * else {@code <NAME>_HOST}/{@code _PORT}/{@code _USERNAME}/{@code _PASSWORD}. With several endpoints
 * the first is used (standalone).
 */
public final class AppHostRedisConnectionDetails implements RedisConnectionDetails {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int database;
    private final boolean ssl;

    private AppHostRedisConnectionDetails(String host, int port, String username, String password, int database,
            boolean ssl) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.database = database;
        this.ssl = ssl;
    }

    /** Reads {@code connection}; fails naming the variable when a value cannot be used. */
    public static AppHostRedisConnectionDetails of(AppHostConnection connection) {
        String cs = connection.connectionString();
        if (cs != null && !cs.contains("://")) {
            return fromStackExchange(connection, cs);
        }
        if (ConnectionStringForms.uriText(connection).isPresent()) {
            return fromUri(connection, ConnectionStringForms.uri(connection));
        }
        String host = connection.property("HOST").orElse("localhost");
        int port = connection.property("PORT").map(p -> ConnectionStringForms.port(connection, p, "port")).orElse(6379);
        return new AppHostRedisConnectionDetails(host, port, connection.property("USERNAME").orElse(null),
                connection.property("PASSWORD").orElse(null), 0, false);
    }

    private static AppHostRedisConnectionDetails fromStackExchange(AppHostConnection connection, String cs) {
        String[] parts = cs.split(",");
        String endpoint = parts[0].trim();
        int colon = endpoint.lastIndexOf(':');
        String host = colon < 0 ? endpoint : endpoint.substring(0, colon);
        int port = colon < 0 ? 6379 : ConnectionStringForms.port(connection, endpoint.substring(colon + 1), "port");
        var options = ConnectionStringForms.keyValues(cs, ',');
        String database = options.get("defaultdatabase");
        return new AppHostRedisConnectionDetails(stripBrackets(host), port, options.get("user"),
                options.get("password"),
                database == null ? 0 : ConnectionStringForms.database(connection, database),
                Boolean.parseBoolean(options.getOrDefault("ssl", "false")));
    }

    private static AppHostRedisConnectionDetails fromUri(AppHostConnection connection, URI uri) {
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String userInfo = uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (colon < 0) {
                password = username;
                username = null;
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        int database = path.isEmpty() ? 0 : ConnectionStringForms.database(connection, path);
        return new AppHostRedisConnectionDetails(stripBrackets(uri.getHost()), uri.getPort() < 0 ? 6379 : uri.getPort(),
                username == null || username.isEmpty() ? null : username, password, database,
                uri.getScheme().toLowerCase(Locale.ROOT).equals("rediss"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String stripBrackets(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public Standalone getStandalone() {
        if (!ssl) {
            return Standalone.of(host, port, database);
        }
        // Spring Boot 3.5 reads the bundle from here; written without 3.5's API so that 3.2-3.4 still load it.
        return new Standalone() {
            @Override
            public String getHost() {
                return host;
            }

            @Override
            public int getPort() {
                return port;
            }

            @Override
            public int getDatabase() {
                return database;
            }

            // overrides RedisConnectionDetails.Standalone#getSslBundle from Spring Boot 3.5 on
            public SslBundle getSslBundle() {
                return SslBundle.of(null); // no stores: the JDK's default trust
            }
        };
    }

    @Override
    public String toString() {
        return "Redis " + host + ":" + port + (database == 0 ? "" : "/" + database) + (ssl ? " (TLS)" : "");
    }
}
