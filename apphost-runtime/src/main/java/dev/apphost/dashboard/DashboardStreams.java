package dev.apphost.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.apphost.run.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent event streams: the resources (the whole list again after each change, at most every
 * 100 ms) and console logs (the kept lines, then each new one). Each open stream holds one server
 * thread; a comment every 15 s finds closed browsers.
 */
final class DashboardStreams {

    private static final Object CHANGED = new Object();
    private final DashboardBackend backend;
    private final DashboardJson json;
    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    DashboardStreams(DashboardBackend backend, DashboardJson json) {
        this.backend = backend;
        this.json = json;
    }

    void resources(HttpExchange ex) throws IOException {
        LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = backend.subscribe(name -> signals.offer(CHANGED))) {
            OutputStream out = begin(ex);
            event(out, "resources", DashboardJson.write(json.resources()));
            while (!closed) {
                Object signal = signals.poll(15, TimeUnit.SECONDS);
                if (signal == null) {
                    comment(out);
                    continue;
                }
                Thread.sleep(100);
                signals.clear();
                event(out, "resources", DashboardJson.write(json.resources()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception gone) {
            // the browser went away
        } finally {
            end(ex);
        }
    }

    /** {@code resource} null or empty: every resource, interleaved by time. */
    void consoleLogs(HttpExchange ex, String resource) throws IOException {
        List<String> names = names(resource);
        LinkedBlockingQueue<LogLine> queue = new LinkedBlockingQueue<>(100_000);
        List<AutoCloseable> follows = new ArrayList<>();
        try {
            for (String name : names) {
                follows.add(backend.followLogs(name, queue::offer));
            }
            OutputStream out = begin(ex);
            for (LogLine line : backlog(names)) {
                event(out, "line", DashboardJson.write(DashboardJson.line(line)));
            }
            event(out, "caughtup", "{}");
            while (!closed) {
                LogLine line = queue.poll(15, TimeUnit.SECONDS);
                if (line == null) {
                    comment(out);
                    continue;
                }
                event(out, "line", DashboardJson.write(DashboardJson.line(line)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the browser went away
        } finally {
            for (AutoCloseable f : follows) {
                try {
                    f.close();
                } catch (Exception ignored) {
                    // nothing to undo
                }
            }
            end(ex);
        }
    }

    void download(HttpExchange ex, String resource) throws IOException {
        StringBuilder text = new StringBuilder();
        for (LogLine line : backlog(names(resource))) {
            if (resource == null || resource.isBlank()) {
                text.append(line.resource()).append(": ");
            }
            text.append(line.timestamp()).append(' ').append(line.text()).append('\n');
        }
        String file = (resource == null || resource.isBlank() ? "all" : resource) + "-console.txt";
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + "\"");
        DashboardServer.send(ex, 200, "text/plain; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names(String resource) {
        if (resource != null && !resource.isBlank()) {
            return List.of(resource);
        }
        return backend.resources().stream().map(v -> v.snapshot().name()).toList();
    }

    private List<LogLine> backlog(List<String> names) {
        List<LogLine> lines = new ArrayList<>();
        names.forEach(n -> lines.addAll(backend.logs(n)));
        if (names.size() > 1) {
            lines.sort(Comparator.comparing(LogLine::timestamp));
        }
        return lines;
    }

    private OutputStream begin(HttpExchange ex) throws IOException {
        open.add(ex);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    private void end(HttpExchange ex) {
        open.remove(ex);
        ex.close();
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void comment(OutputStream out) throws IOException {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void close() {
        closed = true;
        open.forEach(HttpExchange::close);
    }
}
