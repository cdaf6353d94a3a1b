package dev.apphost.run;

import dev.apphost.ResourceLogs;
import dev.apphost.Subscription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The recent output of every resource ({@link LogBuffer}s) and the subscribers to new lines. Lines
 * are decoded and made {@link LogLine}s only for a live subscriber or when read.
 */
final class LogStore implements ResourceLogs {

    private final Map<String, LogBuffer> buffers = new ConcurrentHashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final int capacity;

    LogStore(int capacity) {
        this.capacity = capacity;
    }

    void add(String resource, LogBatch batch) {
        String key = key(resource);
        buffers.computeIfAbsent(key, k -> new LogBuffer(resource, capacity)).add(batch);
        for (Subscriber s : subscribers) {
            if (s.resource == null || s.resource.equals(key)) {
                for (int i = 0; i < batch.size(); i++) {
                    s.delivery.offer(batch.line(resource, i));
                }
            }
        }
    }

    @Override
    public List<LogLine> lines(String resource) {
        LogBuffer buffer = buffers.get(key(resource));
        return buffer == null ? List.of() : buffer.snapshot();
    }

    @Override
    public List<String> tail(String resource, int count) {
        LogBuffer buffer = buffers.get(key(resource));
        return buffer == null || count <= 0 ? List.of()
                : buffer.last(count).stream().map(LogLine::text).toList();
    }

    /** Bytes held for {@code resource}'s recent output. */
    long retainedBytes(String resource) {
        LogBuffer buffer = buffers.get(key(resource));
        return buffer == null ? 0 : buffer.retainedBytes();
    }

    @Override
    public Subscription subscribe(String resource, Consumer<LogLine> listener) {
        Subscriber[] holder = new Subscriber[1];
        holder[0] = new Subscriber(resource == null ? null : key(resource),
                new SerialDelivery<>(listener, SerialDelivery.POOL, () -> subscribers.remove(holder[0])));
        subscribers.add(holder[0]);
        return holder[0].delivery;
    }

    private record Subscriber(String resource, SerialDelivery<LogLine> delivery) {
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
