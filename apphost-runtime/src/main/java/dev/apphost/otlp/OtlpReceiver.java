package dev.apphost.otlp;

import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * OTLP over HTTP on a loopback port of its own (and, for containers, on the same port of the addresses
 * given to {@link #start(TelemetryStore, String, int, List)}): {@code POST /v1/traces}, {@code /v1/logs},
 * {@code /v1/metrics}, with {@code application/x-protobuf} or {@code application/json} bodies
 * (gzip allowed), parsed with the official opentelemetry-proto classes into a {@link TelemetryStore}.
 * Every request must carry {@code x-otlp-api-key: <key>}; others get 401.
 *
 * <pre>{@code
 * var receiver = OtlpReceiver.start(store, apiKey, 0, List.of(InetAddress.getByName("172.17.0.1")));
 * String endpoint = receiver.endpoint();      // http://localhost:<port>
 * List<InetSocketAddress> all = receiver.addresses();   // 127.0.0.1:<port>, 172.17.0.1:<port>
 * receiver.close();
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

    /** The header every export must carry. */
    public static final String API_KEY_HEADER = "x-otlp-api-key";

    /** Larger bodies are refused (413); the OTel SDKs send batches of at most 512 spans. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final List<HttpServer> servers;
    private final ExecutorService threads;
    private final byte[] apiKey;
    private final TelemetryStore store;
    private volatile OtlpConverter converter;

    private OtlpReceiver(List<HttpServer> servers, ExecutorService threads, String apiKey, TelemetryStore store) {
        this.servers = servers;
        this.threads = threads;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.store = store;
    }

    /** Listens on {@code 127.0.0.1:port} ({@code 0}: any free port). */
    public static OtlpReceiver start(TelemetryStore store, String apiKey, int port) throws IOException {
        return start(store, apiKey, port, List.of());
    }

    /**
     * Listens on {@code 127.0.0.1:port} ({@code 0}: any free port) and on the same port of each of
     * {@code alsoOn} (e.g. the Docker bridge's gateway, which containers reach as
     * {@code host.docker.internal}). Every listener takes the same requests and the same key.
     *
     * @throws IOException when one of the addresses cannot be bound (nothing is left listening then)
     */
    public static OtlpReceiver start(TelemetryStore store, String apiKey, int port, List<InetAddress> alsoOn)
            throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "apphost-otlp");
            t.setDaemon(true);
            return t;
        });
        List<HttpServer> servers = new ArrayList<>();
        OtlpReceiver receiver = new OtlpReceiver(servers, threads, apiKey, store);
        try {
            servers.add(receiver.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            int bound = servers.get(0).getAddress().getPort();
            for (InetAddress address : alsoOn) {
                servers.add(receiver.listen(new InetSocketAddress(address, bound)));
            }
        } catch (IOException | RuntimeException e) {
            receiver.close();
            throw e;
        }
        return receiver;
    }

    private HttpServer listen(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServers.create(address, 64);
        server.setExecutor(threads);
        // the protobuf classes load on the first export, not here: starting costs the AppHost nothing more
        server.createContext("/v1/traces", ex -> handle(ex, ExportTraceServiceRequest.newBuilder(),
                m -> converter.traces((ExportTraceServiceRequest) m),
                io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.getDefaultInstance()));
        server.createContext("/v1/logs", ex -> handle(ex, ExportLogsServiceRequest.newBuilder(),
                m -> converter.logs((ExportLogsServiceRequest) m),
                io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse.getDefaultInstance()));
        server.createContext("/v1/metrics", ex -> handle(ex, ExportMetricsServiceRequest.newBuilder(),
                m -> converter.metrics((ExportMetricsServiceRequest) m),
                io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse.getDefaultInstance()));
        server.start();
        return server;
    }

    /** Where it listens: loopback first, then the other addresses. */
    public List<InetSocketAddress> addresses() {
        return servers.stream().map(HttpServer::getAddress).toList();
    }

    public int port() {
        return servers.get(0).getAddress().getPort();
    }

    /** {@code http://localhost:<port>}, as processes on this machine reach it. */
    public String endpoint() {
        return "http://localhost:" + port();
    }

    private void handle(HttpExchange exchange, Message.Builder builder, Consumer<Message> sink, Message response)
            throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "OTLP/HTTP takes POST.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
            if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
                exchange.getRequestBody().close();
                reply(exchange, 401, "text/plain", ("Missing or wrong " + API_KEY_HEADER + " header.")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase();
            boolean json = type.startsWith("application/json");
            if (!json && !type.startsWith("application/x-protobuf")) {
                reply(exchange, 415, "text/plain", "Content-Type must be application/x-protobuf or application/json."
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = read(exchange);
            if (body == null) {
                reply(exchange, 413, "text/plain", "Body too large.".getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                if (json) {
                    OtlpJson.merge(body, builder);
                } else {
                    builder.mergeFrom(body);
                }
            } catch (IOException | RuntimeException e) {
                reply(exchange, 400, "text/plain", ("Cannot parse the OTLP body: " + e.getMessage())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (converter == null) {
                converter = new OtlpConverter(store);
            }
            sink.accept(builder.build());
            if (json) {
                reply(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                reply(exchange, 200, "application/x-protobuf", response.toByteArray());
            }
        }
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }
}
