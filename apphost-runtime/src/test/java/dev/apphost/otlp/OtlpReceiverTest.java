package dev.apphost.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP on loopback. */
class OtlpReceiverTest {

    static final String KEY = "secret-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private TelemetryStore store;
    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        store = new TelemetryStore(TelemetryLimits.defaults());
        receiver = OtlpReceiver.start(store, KEY, 0);
    }

    @Test
    void itsConnectionsDoNotWaitForDelayedAcknowledgements() {
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).as("TCP_NODELAY of the JDK's HttpServer")
                .isEqualTo("true");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static Resource resource(String service) {
        return Resource.newBuilder().addAttributes(kv("service.name", service))
                .addAttributes(kv("service.instance.id", service + "-1")).build();
    }

    static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    static ExportTraceServiceRequest spans(String service, String traceHex, int count) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (int i = 0; i < count; i++) {
            scope.addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceHex)))
                    .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(String.format("%016x", i + 1))))
                    .setName("GET /item/" + i).setKind(Span.SpanKind.SPAN_KIND_SERVER)
                    .setStartTimeUnixNano(1_000_000_000L + i).setEndTimeUnixNano(1_002_000_000L + i)
                    .addAttributes(kv("http.route", "/item")));
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(
                ResourceSpans.newBuilder().setResource(resource(service)).addScopeSpans(scope)).build();
    }

    HttpResponse<byte[]> post(String path, String type, byte[] body, String key, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
                .header("Content-Type", type);
        if (key != null) {
            request.header(OtlpReceiver.API_KEY_HEADER, key);
        }
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body);
            }
            body = out.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void protobufSpansAreStoredAsOneTraceWithHexIds() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        var response = post("/v1/traces", "application/x-protobuf", spans("api", trace, 3).toByteArray(), KEY, false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        var stored = store.trace(trace).orElseThrow();
        assertThat(stored).hasSize(3).allMatch(s -> s.service().equals("api") && s.instanceId().equals("api-1"));
        assertThat(stored.get(0).spanId()).isEqualTo("0000000000000001");
        assertThat(stored.get(0).kind()).isEqualTo("Server");
        assertThat(stored.get(0).attributes()).containsEntry("http.route", "/item");
        assertThat(store.traces(null)).singleElement().satisfies(t -> {
            assertThat(t.spanCount()).isEqualTo(3);
            assertThat(t.durationNanos()).isEqualTo(2_000_002L);
        });
    }

    @Test
    void otlpJsonWithHexIdsAndGzipIsAccepted() throws Exception {
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
                 "scopeSpans":[{"scope":{"name":"manual"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",
                 "spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173","name":"render","kind":2,
                 "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
                 "status":{"code":2,"message":"boom"},
                 "events":[{"name":"exception","timeUnixNano":"1544712660500000000",
                   "attributes":[{"key":"exception.message","value":{"stringValue":"boom"}}]}]}]}]}]}
                """;
        var response = post("/v1/traces", "application/json", json.getBytes(), KEY, true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{}");
        var span = store.trace("5b8efff798038103d269b633813fc60c").orElseThrow().get(0);
        assertThat(span.parentSpanId()).isEqualTo("eee19b7ec3c1b173");
        assertThat(span.status()).isEqualTo("ERROR");
        assertThat(span.statusMessage()).isEqualTo("boom");
        assertThat(span.events()).singleElement().satisfies(e ->
                assertThat(e.attributes()).containsEntry("exception.message", "boom"));
    }

    @Test
    void logsAndMetricsAreStored() throws Exception {
        var logs = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(resource("worker")).addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.newBuilder()
                        .setTimeUnixNano(5).setSeverityNumberValue(13).setBody(AnyValue.newBuilder().setStringValue("disk low"))
                        .addAttributes(kv("disk", "/dev/sda"))))).build();
        assertThat(post("/v1/logs", "application/x-protobuf", logs.toByteArray(), KEY, false).statusCode()).isEqualTo(200);
        assertThat(store.logs(e -> true, 10)).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo("WARN");
            assertThat(e.body()).isEqualTo("disk low");
            assertThat(e.attributes()).containsEntry("disk", "/dev/sda");
        });
        var metrics = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(resource("worker")).addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder()
                        .setName("queue.size").setUnit("{item}").setGauge(Gauge.newBuilder().addDataPoints(
                                NumberDataPoint.newBuilder().setTimeUnixNano(7).setAsInt(42)))))).build();
        assertThat(post("/v1/metrics", "application/x-protobuf", metrics.toByteArray(), KEY, false).statusCode())
                .isEqualTo(200);
        assertThat(store.instruments().get("worker")).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo("gauge");
            assertThat(i.points()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(42.0));
        });
    }

    @Test
    void aMissingOrWrongApiKeyIsRefusedAndNothingIsStored() throws Exception {
        byte[] body = spans("api", "0af7651916cd43dd8448eb211c80319c", 1).toByteArray();
        assertThat(post("/v1/traces", "application/x-protobuf", body, null, false).statusCode()).isEqualTo(401);
        assertThat(post("/v1/traces", "application/x-protobuf", body, "wrong", false).statusCode()).isEqualTo(401);
        assertThat(store.spanCount()).isZero();
    }

    @Test
    void badBodiesAndTypesGetClientErrors() throws Exception {
        assertThat(post("/v1/traces", "application/x-protobuf", new byte[] {1, 2, 3}, KEY, false).statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/traces", "application/json", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}"
                .getBytes(), KEY, false).statusCode()).isEqualTo(400);
        assertThat(post("/v1/traces", "text/plain", new byte[0], KEY, false).statusCode()).isEqualTo(415);
    }
}
