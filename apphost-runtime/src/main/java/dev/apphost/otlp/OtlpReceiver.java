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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * OTLP over HTTP on a loopback port of its own: {@code POST /v1/traces}, {@code /v1/logs},
 * {@code /v1/metrics}, with {@code application/x-protobuf} or {@code application/json} bodies
 * (gzip allowed), parsed with the official opentelemetry-proto classes into a {@link TelemetryStore}.
 * Every request must carry {@code x-otlp-api-key: <key>}; others get 401.
 *
 * <pre>{@code
 * var receiver = OtlpReceiver.start(store, apiKey, 0);
 * String endpoint = receiver.endpoint();      // http://localhost:<port>
 * receiver.close();
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

    /** The header every export must carry. */
    public static final String API_KEY_HEADER = "x-otlp-api-key";

    /** Larger bodies are refused (413); the OTel SDKs send batches of at most 512 spans. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] apiKey;
    private final TelemetryStore store;
    private volatile OtlpConverter converter;

    private OtlpReceiver(HttpServer server, ExecutorService threads, String apiKey, TelemetryStore store) {
        this.server = server;
        this.threads = threads;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.store = store;
    }

    /** Listens on {@code 127.0.0.1:port} ({@code 0}: any free port). */
    public static OtlpReceiver start(TelemetryStore store, String apiKey, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "apphost-otlp");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        OtlpReceiver receiver = new OtlpReceiver(server, threads, apiKey, store);
        // the protobuf classes load on the first export, not here: starting costs the AppHost nothing more
        server.createContext("/v1/traces", ex -> receiver.handle(ex, ExportTraceServiceRequest.newBuilder(),
                m -> receiver.converter.traces((ExportTraceServiceRequest) m),
                io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.getDefaultInstance()));
        server.createContext("/v1/logs", ex -> receiver.handle(ex, ExportLogsServiceRequest.newBuilder(),
                m -> receiver.converter.logs((ExportLogsServiceRequest) m),
                io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse.getDefaultInstance()));
        server.createContext("/v1/metrics", ex -> receiver.handle(ex, ExportMetricsServiceRequest.newBuilder(),
                m -> receiver.converter.metrics((ExportMetricsServiceRequest) m),
                io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse.getDefaultInstance()));
        server.start();
        return receiver;
    }

    public int port() {
        return server.getAddress().getPort();
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
        server.stop(0);
        threads.shutdownNow();
    }
}
