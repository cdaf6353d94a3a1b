package dev.apphost.run;

import dev.apphost.ResourceLogs;
import dev.apphost.Subscription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The recent output of every resource ({@link LogBuffer}s) and the subscribers to new lines. */
final class LogStore implements ResourceLogs {

    private final Map<String, LogBuffer> buffers = new ConcurrentHashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final int capacity;

    LogStore(int capacity) {
        this.capacity = capacity;
    }

    void add(LogLine line) {
        buffers.computeIfAbsent(key(line.resource()), k -> new LogBuffer(capacity)).add(line);
        for (Subscriber s : subscribers) {
            if (s.resource == null || s.resource.equals(key(line.resource()))) {
                s.delivery.offer(line);
            }
        }
    }

    @Override
    public List<LogLine> lines(String resource) {
        LogBuffer buffer = buffers.get(key(resource));
        return buffer == null ? List.of() : buffer.snapshot();
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
