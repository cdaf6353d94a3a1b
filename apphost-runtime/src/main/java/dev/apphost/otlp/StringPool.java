package dev.apphost.otlp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal short strings (attribute keys, routes, methods, service and span names) between the
 * stored spans, logs and points, which repeat them thousands of times. Bounded: once it holds
 * {@code capacity} strings it stops learning new ones and returns its argument.
 */
final class StringPool {

    static final int MAX_POOLED_LENGTH = 128;
    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();
    private final int capacity;

    StringPool(int capacity) {
        this.capacity = capacity;
    }

    String share(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > MAX_POOLED_LENGTH) {
            return value;
        }
        String shared = pool.get(value);
        if (shared != null) {
            return shared;
        }
        if (pool.size() >= capacity) {
            return value;
        }
        String previous = pool.putIfAbsent(value, value);
        return previous == null ? value : previous;
    }
}
