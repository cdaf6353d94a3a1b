package dev.apphost.dashboard;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import dev.apphost.otlp.OtlpReceiver;
import dev.apphost.otlp.TelemetryLimits;
import dev.apphost.otlp.TelemetryStore;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard's benchmarks (run with {@code bench/dashboard.sh}; not a test). Modes:
 * <ul>
 * <li>{@code ingest}: OTLP/protobuf spans per second into the receiver and its bounded store, from two
 *     client threads, vs the same requests to an HTTP server that only reads them (the baseline);
 * <li>{@code render}: the traces page in chromium with 10,000 spans stored, until its rows are drawn;
 * <li>{@code host}: what the dashboard adds before the first resource starts: {@code DashboardHost.start}
 *     (receiver, store, web server, token) in a cold JVM, until its pages answer;
 * <li>{@code startup on|off}: a starter-shaped app (Redis container + two JVM projects) from
 *     {@code start()} until every resource is Running, dashboard on or off; one round per JVM, cold.
 * </ul>
 */
public final class DashboardBenchmark {

    static final int SPANS_PER_REQUEST = 512;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ingest" -> ingest(Integer.parseInt(args.length > 1 ? args[1] : "10"));
            case "render" -> render();
            case "startup" -> startup("on".equals(args[1]));
            case "host" -> host(args.length > 1 && args[1].equals("shared-warm"));
            default -> throw new IllegalArgumentException("mode: ingest | render | startup on|off");
        }
    }

    static KeyValue kv(String k, String v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
    }

    /** 64 traces of 8 spans, each span with 10 attributes, like an instrumented HTTP service's. */
    static byte[] batch(String service) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        byte[] trace = new byte[16];
        for (int i = 0; i < SPANS_PER_REQUEST; i++) {
            if (i % 8 == 0) {
                random.nextBytes(trace);
            }
            byte[] id = new byte[8];
            random.nextBytes(id);
            long start = System.currentTimeMillis() * 1_000_000L + i;
            Span.Builder span = Span.newBuilder().setTraceId(ByteString.copyFrom(trace)).setSpanId(ByteString.copyFrom(id))
                    .setName("GET /api/items/{id}").setKind(Span.SpanKind.SPAN_KIND_SERVER)
                    .setStartTimeUnixNano(start).setEndTimeUnixNano(start + random.nextInt(1_000_000, 50_000_000));
            for (String a : List.of("http.request.method", "http.route", "url.scheme", "server.address", "server.port",
                    "network.protocol.version", "user_agent.original", "client.address", "thread.name",
                    "http.response.status_code")) {
                span.addAttributes(kv(a, a + "-value-" + (i % 7)));
            }
            scope.addSpans(span);
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", service))).addScopeSpans(scope))
                .build().toByteArray();
    }

    static void ingest(int seconds) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            bodies.add(batch("svc-" + (i % 4)));
        }
        HttpServer sink = dev.apphost.otlp.HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                64); // the receiver's transport, so the baseline differs from it only in what is done with a body
        sink.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        sink.createContext("/v1/traces", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        sink.start();
        TelemetryStore store = new TelemetryStore(TelemetryLimits.defaults());
        OtlpReceiver receiver = OtlpReceiver.start(store, "key", 0);
        String sinkUrl = "http://localhost:" + sink.getAddress().getPort() + "/v1/traces";
        String receiverUrl = receiver.endpoint() + "/v1/traces";
        send(receiverUrl, bodies, 3);
        send(sinkUrl, bodies, 3);
        double baseline = send(sinkUrl, bodies, seconds);
        double spans = send(receiverUrl, bodies, seconds);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("ingest: %.0f spans/s into the receiver+store (baseline, HTTP read only: %.0f spans/s;"
                + " ratio %.2f); %d spans kept (limit %d); heap after GC %d MB of -Xmx %d MB%n", spans, baseline,
                spans / baseline, store.spanCount(), store.limits().maxSpanCount(), heap >> 20, max >> 20);
        receiver.close();
        sink.stop(0);
        System.exit(0);
    }

    /** Spans per second sent to {@code url} by two threads for {@code seconds}. */
    static double send(String url, List<byte[]> bodies, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sent = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-protobuf").header("x-otlp-api-key", "key")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size()))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + r.statusCode());
                        }
                        sent.addAndGet(SPANS_PER_REQUEST);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        long t0 = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        return sent.get() / ((System.nanoTime() - t0) / 1e9);
    }

    static void render() throws Exception {
        TelemetryStore store = new TelemetryStore(TelemetryLimits.defaults());
        OtlpReceiver receiver = OtlpReceiver.start(store, "key", 0);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 10_000 / SPANS_PER_REQUEST + 1; i++) {
            bodies.add(batch("svc-" + (i % 4)));
        }
        HttpClient client = HttpClient.newHttpClient();
        int stored = 0;
        for (byte[] body : bodies) {
            if (stored >= 10_000) {
                break;
            }
            client.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf").header("x-otlp-api-key", "key")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            stored += SPANS_PER_REQUEST;
        }
        DashboardBackend none = new DashboardCommandsTest.RestartingBackend();
        try (DashboardServer server = DashboardServer.start(none, store, DashboardAuth.unsecured(), 0)) {
            double[] api = new double[30];
            for (int i = 0; i < api.length; i++) {
                long t0 = System.nanoTime();
                client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/traces?max=100")).build(),
                        HttpResponse.BodyHandlers.ofString());
                api[i] = (System.nanoTime() - t0) / 1e6;
            }
            api = Arrays.copyOfRange(api, 10, api.length); // the first requests load and compile the server's code
            if (!Browser.available()) {
                System.out.printf("render: %d spans stored; /api/traces %.1f ms median; no browser (%s)%n",
                        store.spanCount(), median(api), Browser.missing());
                return;
            }
            WebDriver driver = Browser.open();
            try (DashboardServer empty = DashboardServer.start(none, new TelemetryStore(TelemetryLimits.defaults()),
                    DashboardAuth.unsecured(), 0)) {
                int rounds = 9;
                double[][] baseline = new double[rounds][];
                double[][] page = new double[rounds][];
                for (int i = 0; i < rounds; i++) {
                    baseline[i] = pageLoad(driver, empty.url(), 0);
                    page[i] = pageLoad(driver, server.url(), Math.min(100, store.traces(null).size()));
                }
                System.out.printf("render: %d spans (%d traces) stored; median of the last %d of %d loads, in ms;"
                        + " /api/traces?max=100 alone (HttpClient, after 10 warm-up requests) %.1f ms median%n", store.spanCount(),
                        store.traces(null).size(), rounds - 2, rounds, median(api));
                String[] names = {"navigation to rows painted (in-page marks)", "navigation to rows in the DOM",
                        "  of which /api/traces fetch", "  of which drawing the rows (JSON to DOM)",
                        "navigation to rows seen by WebDriver (10 ms polling)"};
                for (int m = 0; m < names.length; m++) {
                    double p = median(column(page, m));
                    double b = median(column(baseline, m));
                    System.out.printf("  %-55s %7.1f   empty store %7.1f   ratio %.2f   (all: %s)%n", names[m], p, b,
                            p / Math.max(0.1, b), Arrays.toString(round(column(page, m, 0))));
                }
            } finally {
                driver.quit();
            }
        } finally {
            receiver.close();
        }
    }

    private static double[] column(double[][] rows, int m) {
        return column(Arrays.copyOfRange(rows, 2, rows.length), m, 0);
    }

    private static double[] column(double[][] rows, int m, int from) {
        return Arrays.stream(rows, from, rows.length).mapToDouble(r -> r[m]).toArray();
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    /**
     * Loads the traces page and waits until it shows its count and {@code rows} rows; returns, in ms:
     * navigation start to the rows painted and to the rows in the DOM (the page's own
     * {@code performance.mark}s), the {@code /api/traces} fetch, the drawing after it, and what WebDriver saw.
     */
    static double[] pageLoad(WebDriver driver, String url, int rows) {
        driver.get("about:blank");
        long t0 = System.nanoTime();
        driver.get(url + "/traces");
        Browser.waitFor(driver, 30).pollingEvery(java.time.Duration.ofMillis(10))
                .until(d -> !d.findElement(By.id("count")).getText().isEmpty()
                        && d.findElements(By.cssSelector("#traces tbody tr")).size() == rows);
        double seen = (System.nanoTime() - t0) / 1e6;
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!(Boolean) js.executeScript("return performance.getEntriesByName('traces-drawn').length > 0")) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, seen}; // a page without the marks
        }
        Browser.waitFor(driver, 30).pollingEvery(java.time.Duration.ofMillis(10))
                .until(d -> (Boolean) js.executeScript("return performance.getEntriesByName('traces-painted').length > 0"));
        @SuppressWarnings("unchecked")
        List<Number> marks = (List<Number>) js.executeScript("""
                const at = n => performance.getEntriesByName(n)[0].startTime;
                const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/traces'))[0];
                return [at('traces-painted'), at('traces-drawn'), api.responseEnd - api.startTime, at('traces-drawn') - api.responseEnd];
                """);
        return new double[] {marks.get(0).doubleValue(), marks.get(1).doubleValue(), marks.get(2).doubleValue(),
                marks.get(3).doubleValue(), seen};
    }

    static void startup(boolean dashboard) throws Exception {
        Path dir = Files.createTempDirectory("apphost-dashboard-bench");
        TelemetryApp.module(dir.resolve("front"), "Front");
        TelemetryApp.module(dir.resolve("back"), "Back");
        var b = TestApps.builder(dir, Map.of(), "--Dashboard:Enabled=" + dashboard);
        b.addRedis("cache");
        var back = b.addProject("back", "back");
        b.addProject("front", "front").withReference(back);
        try (DistributedApplication app = b.build()) {
            long t0 = System.nanoTime();
            app.start();
            double ms = (System.nanoTime() - t0) / 1e6;
            boolean all = app.model().computeResources().stream()
                    .allMatch(r -> "Running".equals(app.resourceSnapshot(r.name()).state()));
            System.out.printf("startup dashboard=%s: %.0f ms until every resource Running (%s)%n", dashboard ? "on" : "off",
                    ms, all ? "all Running" : "NOT all Running");
        }
        System.exit(0);
    }

    /**
     * @param sharedWarm first load what the orchestrator loads anyway (a loopback port allocation, a
     *     generated password's SecureRandom), so only the dashboard's own part is timed
     */
    static void host(boolean sharedWarm) throws Exception {
        if (sharedWarm) {
            new dev.apphost.run.PortAllocator().allocate();
            new java.security.SecureRandom().nextBytes(new byte[16]);
        }
        var b = TestApps.builder(Path.of("/tmp"), Map.of());
        b.addRedis("cache");
        b.addProject("back", "back");
        b.addProject("front", "front");
        DistributedApplication app = b.build();
        var orchestrator = new dev.apphost.run.Orchestrator(app.model(), app.executionContext(), app.configuration(),
                Path.of("/tmp"), null);
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        long t0 = System.nanoTime();
        DashboardHost host = DashboardHost.start(app.model(), app.configuration(), orchestrator, quiet);
        double started = (System.nanoTime() - t0) / 1e6;
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(host.loginUrl())).build(),
                HttpResponse.BodyHandlers.discarding());
        double answered = (System.nanoTime() - t0) / 1e6;
        System.out.printf("host%s: DashboardHost.start %.1f ms (cold JVM); first page answered (HTTP %d) at %.1f ms%n",
                sharedWarm ? " (shared classes loaded)" : "", started, page.statusCode(), answered);
        host.close();
        System.exit(0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
