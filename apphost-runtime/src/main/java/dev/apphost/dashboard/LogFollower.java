package dev.apphost.dashboard;

import dev.apphost.run.LogLine;
import dev.apphost.run.ResourceLogs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns {@link ResourceLogs} snapshots into a stream of new lines: every 100 ms it looks for the lines
 * after the last one it passed on (by identity, so equal texts are never confused). A line evicted
 * from the buffer before a poll saw it is not passed on.
 */
final class LogFollower {

    private final ResourceLogs logs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apphost-dashboard-logs");
        t.setDaemon(true);
        return t;
    });
    private final Map<Consumer<LogLine>, Follow> follows = new ConcurrentHashMap<>();

    LogFollower(ResourceLogs logs) {
        this.logs = logs;
        timer.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
    }

    AutoCloseable follow(String resource, Consumer<LogLine> sink) {
        List<LogLine> now = logs.lines(resource);
        follows.put(sink, new Follow(resource, now.isEmpty() ? null : now.get(now.size() - 1)));
        return () -> follows.remove(sink);
    }

    private void poll() {
        follows.forEach((sink, follow) -> {
            List<LogLine> lines = logs.lines(follow.resource);
            int from = 0;
            if (follow.last != null) {
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i) == follow.last) {
                        from = i + 1;
                        break;
                    }
                }
            }
            for (int i = from; i < lines.size(); i++) {
                try {
                    sink.accept(lines.get(i));
                } catch (RuntimeException gone) {
                    follows.remove(sink);
                    return;
                }
            }
            if (!lines.isEmpty()) {
                follow.last = lines.get(lines.size() - 1);
            }
        });
    }

    void close() {
        timer.shutdownNow();
    }

    private static final class Follow {
        final String resource;
        volatile LogLine last;

        Follow(String resource, LogLine last) {
            this.resource = resource;
            this.last = last;
        }
    }
}
