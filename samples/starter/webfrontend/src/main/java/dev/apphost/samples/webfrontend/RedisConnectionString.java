package dev.apphost.samples.webfrontend;

import java.util.Locale;

/**
 * An Aspire/StackExchange.Redis connection string, as the AppHost injects it in
 * {@code ConnectionStrings__cache}: {@code host:port,password=secret,ssl=false}.
 */
record RedisConnectionString(String host, int port, String password, boolean ssl) {

    static RedisConnectionString parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty Redis connection string");
        }
        String[] parts = value.split(",");
        String endpoint = parts[0].trim();
        int colon = endpoint.lastIndexOf(':');
        String host = colon < 0 ? endpoint : endpoint.substring(0, colon);
        int port = colon < 0 ? 6379 : Integer.parseInt(endpoint.substring(colon + 1));
        String password = null;
        boolean ssl = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String val = part.substring(eq + 1).trim();
            if (key.equals("password")) {
                password = val;
            } else if (key.equals("ssl")) {
                ssl = Boolean.parseBoolean(val);
            }
        }
        return new RedisConnectionString(host, port, password, ssl);
    }
}
