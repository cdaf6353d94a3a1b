package dev.apphost.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apphost.otlp.TelemetryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's web server on loopback (the JDK's {@code com.sun.net.httpserver}): the pages (one
 * HTML shell, plain JavaScript and CSS from the classpath), the JSON API under {@code /api/} and live
 * updates as server-sent events ({@link DashboardStreams}). Everything but {@code /login} needs the
 * browser token ({@link DashboardAuth}).
 *
 * <pre>{@code
 * var server = DashboardServer.start(backend, store, DashboardAuth.withToken(token), 0);
 * System.out.println(server.loginUrl());
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {

    static final List<String> PAGES = List.of("/", "/consolelogs", "/structuredlogs", "/traces", "/metrics");
    private static final String STATIC = "/dev/apphost/dashboard/web/";

    private final HttpServer server;
    private final ExecutorService threads;
    private final DashboardAuth auth;
    private final DashboardJson json;
    private final DashboardStreams streams;
    private final DashboardBackend backend;

    private DashboardServer(HttpServer server, ExecutorService threads, DashboardAuth auth, DashboardBackend backend,
            TelemetryStore telemetry) {
        this.server = server;
        this.threads = threads;
        this.auth = auth;
        this.backend = backend;
        this.json = new DashboardJson(backend, telemetry);
        this.streams = new DashboardStreams(backend, json);
    }

    /** Serves on {@code 127.0.0.1:port} ({@code 0}: any free port). */
    public static DashboardServer start(DashboardBackend backend, TelemetryStore telemetry, DashboardAuth auth, int port)
            throws IOException {
        HttpServer server = dev.apphost.otlp.HttpServers.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "apphost-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        DashboardServer dashboard = new DashboardServer(server, threads, auth, backend, telemetry);
        server.createContext("/", dashboard::handle);
        server.start();
        return dashboard;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    /** The URL to print: {@code <url>/login?t=<token>}, or the plain URL when unsecured. */
    public String loginUrl() {
        return auth.token() == null ? url() : url() + "/login?t=" + auth.token();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (IOException e) {
            ex.close();
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain; charset=utf-8", ("Dashboard error: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/login")) {
            login(ex);
            return;
        }
        if (path.startsWith("/static/")) {
            staticFile(ex, path.substring("/static/".length()));
            return;
        }
        if (!auth.allows(ex)) {
            if (path.startsWith("/api/")) {
                sendJson(ex, 401, Map.of("error", "Log in first: open the login URL the AppHost printed."));
            } else {
                ex.getResponseHeaders().set("Location", "/login");
                send(ex, 302, "text/plain", new byte[0]);
            }
            return;
        }
        if (path.startsWith("/api/")) {
            api(ex, path.substring("/api".length()));
        } else if (PAGES.contains(path) || path.startsWith("/consolelogs/resource/")
                || path.startsWith("/traces/detail/")) {
            staticFile(ex, "index.html");
        } else {
            send(ex, 404, "text/plain; charset=utf-8", "Not found.".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void login(HttpExchange ex) throws IOException {
        String token = query(ex).get("t");
        if (auth.token() == null || (token != null && auth.matches(token))) {
            if (auth.token() != null) {
                ex.getResponseHeaders().add("Set-Cookie", auth.cookie());
            }
            ex.getResponseHeaders().set("Location", "/");
            send(ex, 302, "text/plain", new byte[0]);
            return;
        }
        String page = "<!doctype html><title>apphost dashboard: log in</title><link rel=stylesheet href=/static/app.css>"
                + "<main class=login><h1>apphost dashboard</h1>"
                + (token == null ? "<p id=login-message>Open the login link the AppHost printed in its console: "
                        + "<code>Login to the dashboard at …/login?t=…</code></p>"
                        : "<p id=login-message class=error>Invalid token. Open the login link the AppHost printed.</p>")
                + "</main>";
        send(ex, 401, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private void api(HttpExchange ex, String path) throws IOException {
        Map<String, String> q = query(ex);
        String[] parts = path.split("/");
        if (path.equals("/resources")) {
            sendJson(ex, 200, json.resources());
        } else if (path.equals("/resources/stream")) {
            streams.resources(ex);
        } else if (parts.length == 3 && parts[1].equals("resources")) {
            Map<String, Object> r = json.resource(decode(parts[2]));
            if (r == null) {
                sendJson(ex, 404, Map.of("error", "No resource named '" + decode(parts[2]) + "'."));
            } else {
                sendJson(ex, 200, r);
            }
        } else if (parts.length == 5 && parts[1].equals("resources") && parts[3].equals("commands")) {
            if (!"POST".equals(ex.getRequestMethod())) {
                sendJson(ex, 405, Map.of("error", "Commands take POST."));
                return;
            }
            dev.apphost.ExecuteCommandResult result = backend.execute(decode(parts[2]), decode(parts[4]));
            sendJson(ex, result.success() ? 200 : 409, result);
        } else if (path.equals("/consolelogs")) {
            String resource = q.get("resource");
            if (q.containsKey("download")) {
                streams.download(ex, resource);
            } else {
                streams.consoleLogs(ex, resource);
            }
        } else if (path.equals("/structuredlogs")) {
            sendJson(ex, 200, json.structuredLogs(q.get("resource"), q.get("level"), q.get("text"), q.get("traceId"),
                    intParam(q.get("max"), 1000, 1)));
        } else if (path.equals("/traces")) {
            TelemetryStore.TracePage traces = json.traces(q.get("resource"), intParam(q.get("offset"), 0, 0),
                    intParam(q.get("max"), 500, 1));
            ex.getResponseHeaders().set("X-Total-Count", Integer.toString(traces.total()));
            sendJson(ex, 200, traces.page());
        } else if (parts.length == 3 && parts[1].equals("traces")) {
            Object trace = json.trace(parts[2]);
            if (trace == null) {
                sendJson(ex, 404, Map.of("error", "No trace '" + parts[2] + "' is stored."));
            } else {
                sendJson(ex, 200, trace);
            }
        } else if (path.equals("/metrics")) {
            String resource = q.get("resource");
            Map<String, Object> result = new LinkedHashMap<>();
            json.metrics().forEach((service, instruments) -> {
                if (resource == null || resource.isBlank() || resource.equalsIgnoreCase(service)) {
                    result.put(service, instruments);
                }
            });
            sendJson(ex, 200, result);
        } else if (path.equals("/telemetry/resources")) {
            sendJson(ex, 200, json.telemetryResources());
        } else {
            sendJson(ex, 404, Map.of("error", "No API at /api" + path + "."));
        }
    }

    private static int intParam(String value, int fallback, int least) {
        try {
            return value == null ? fallback : Math.max(least, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void staticFile(HttpExchange ex, String name) throws IOException {
        if (name.contains("..") || name.contains("/")) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        try (InputStream in = DashboardServer.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                send(ex, 404, "text/plain", new byte[0]);
                return;
            }
            String type = name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            send(ex, 200, type, in.readAllBytes());
        }
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> map = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            map.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return map;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static void sendJson(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json", DashboardJson.write(value).getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
