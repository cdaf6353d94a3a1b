package dev.apphost.otlp;

import com.google.protobuf.ByteString;
import dev.apphost.otlp.TelemetryData.LogEntry;
import dev.apphost.otlp.TelemetryData.MetricPoint;
import dev.apphost.otlp.TelemetryData.Span;
import dev.apphost.otlp.TelemetryData.SpanEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns OTLP export requests into {@link TelemetryData} values, applying the attribute limits, and stores them. */
final class OtlpConverter {

    private static final HexFormat HEX = HexFormat.of();
    private final TelemetryStore store;
    private final TelemetryLimits limits;
    private final StringPool strings = new StringPool(50_000);

    OtlpConverter(TelemetryStore store) {
        this.store = store;
        this.limits = store.limits();
    }

    void traces(ExportTraceServiceRequest request) {
        List<Span> spans = new ArrayList<>();
        Map<ByteString, String> traceIds = new java.util.HashMap<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            String service = strings.share(serviceName(rs.getResource()));
            String instance = strings.share(attribute(rs.getResource(), "service.instance.id"));
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                String scope = strings.share(ss.getScope().getName());
                for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) {
                    List<SpanEvent> events = new ArrayList<>();
                    for (var e : s.getEventsList()) {
                        if (events.size() == limits.maxSpanEventCount()) {
                            break;
                        }
                        events.add(new SpanEvent(shared(e.getName()), e.getTimeUnixNano(), attributes(e.getAttributesList())));
                    }
                    spans.add(new Span(traceIds.computeIfAbsent(s.getTraceId(), OtlpConverter::hex), hex(s.getSpanId()), hex(s.getParentSpanId()),
                            shared(s.getName()), kind(s.getKind()), service, instance, scope, s.getStartTimeUnixNano(),
                            s.getEndTimeUnixNano(), status(s.getStatus()), shared(s.getStatus().getMessage()),
                            attributes(s.getAttributesList()), events.isEmpty() ? List.of() : List.copyOf(events)));
                }
            }
        }
        store.addSpans(spans);
    }

    void logs(ExportLogsServiceRequest request) {
        List<LogEntry> entries = new ArrayList<>();
        for (ResourceLogs rl : request.getResourceLogsList()) {
            String service = strings.share(serviceName(rl.getResource()));
            String instance = strings.share(attribute(rl.getResource(), "service.instance.id"));
            for (ScopeLogs sl : rl.getScopeLogsList()) {
                String scope = strings.share(sl.getScope().getName());
                for (LogRecord r : sl.getLogRecordsList()) {
                    long time = r.getTimeUnixNano() != 0 ? r.getTimeUnixNano() : r.getObservedTimeUnixNano();
                    entries.add(new LogEntry(0, time, service, instance, scope, severity(r), r.getSeverityNumberValue(),
                            cut(text(r.getBody())), hex(r.getTraceId()), hex(r.getSpanId()),
                            attributes(r.getAttributesList())));
                }
            }
        }
        store.addLogs(entries);
    }

    void metrics(ExportMetricsServiceRequest request) {
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            String service = strings.share(serviceName(rm.getResource()));
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                String scope = strings.share(sm.getScope().getName());
                for (Metric m : sm.getMetricsList()) {
                    List<MetricPoint> points = new ArrayList<>();
                    String type;
                    switch (m.getDataCase()) {
                        case GAUGE -> {
                            type = "gauge";
                            m.getGauge().getDataPointsList().forEach(p -> points.add(number(p)));
                        }
                        case SUM -> {
                            type = m.getSum().getIsMonotonic() ? "counter" : "updowncounter";
                            m.getSum().getDataPointsList().forEach(p -> points.add(number(p)));
                        }
                        case HISTOGRAM -> {
                            type = "histogram";
                            m.getHistogram().getDataPointsList().forEach(p -> points.add(new MetricPoint(
                                    p.getTimeUnixNano(), p.getCount() == 0 ? 0 : p.getSum() / p.getCount(),
                                    attributes(p.getAttributesList()))));
                        }
                        case EXPONENTIAL_HISTOGRAM -> {
                            type = "histogram";
                            m.getExponentialHistogram().getDataPointsList().forEach(p -> points.add(new MetricPoint(
                                    p.getTimeUnixNano(), p.getCount() == 0 ? 0 : p.getSum() / p.getCount(),
                                    attributes(p.getAttributesList()))));
                        }
                        case SUMMARY -> {
                            type = "summary";
                            m.getSummary().getDataPointsList().forEach(p -> points.add(new MetricPoint(
                                    p.getTimeUnixNano(), p.getCount() == 0 ? 0 : p.getSum() / p.getCount(),
                                    attributes(p.getAttributesList()))));
                        }
                        default -> {
                            continue;
                        }
                    }
                    store.addPoints(service, scope, cut(m.getName()), cut(m.getDescription()), m.getUnit(), type, points);
                }
            }
        }
    }

    private MetricPoint number(NumberDataPoint p) {
        double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
        return new MetricPoint(p.getTimeUnixNano(), value, attributes(p.getAttributesList()));
    }

    /** The attributes as a compact immutable map (no entry objects), keys and short values shared. */
    private Map<String, String> attributes(List<KeyValue> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            if (map.size() == limits.maxAttributeCount()) {
                break;
            }
            map.put(strings.share(cut(kv.getKey())), strings.share(cut(text(kv.getValue()))));
        }
        return Map.copyOf(map);
    }

    private String cut(String value) {
        return value.length() <= limits.maxAttributeLength() ? value : value.substring(0, limits.maxAttributeLength());
    }

    private String shared(String value) {
        return strings.share(cut(value));
    }

    static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpConverter::text).toList().toString();
            case KVLIST_VALUE -> {
                Map<String, String> m = new LinkedHashMap<>();
                v.getKvlistValue().getValuesList().forEach(kv -> m.put(kv.getKey(), text(kv.getValue())));
                yield m.toString();
            }
            default -> "";
        };
    }

    private static String serviceName(Resource resource) {
        String name = attribute(resource, "service.name");
        return name.isEmpty() ? "unknown_service" : name;
    }

    private static String attribute(Resource resource, String key) {
        for (KeyValue kv : resource.getAttributesList()) {
            if (kv.getKey().equals(key)) {
                return text(kv.getValue());
            }
        }
        return "";
    }

    private static String hex(ByteString bytes) {
        return bytes.isEmpty() ? "" : HEX.formatHex(bytes.toByteArray());
    }

    private static String kind(io.opentelemetry.proto.trace.v1.Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "Server";
            case SPAN_KIND_CLIENT -> "Client";
            case SPAN_KIND_PRODUCER -> "Producer";
            case SPAN_KIND_CONSUMER -> "Consumer";
            case SPAN_KIND_INTERNAL -> "Internal";
            default -> "Unspecified";
        };
    }

    private static String status(Status status) {
        return switch (status.getCode()) {
            case STATUS_CODE_OK -> "OK";
            case STATUS_CODE_ERROR -> "ERROR";
            default -> "UNSET";
        };
    }

    private static String severity(LogRecord r) {
        if (!r.getSeverityText().isEmpty()) {
            return r.getSeverityText().toUpperCase(Locale.ROOT);
        }
        int n = r.getSeverityNumberValue();
        if (n == 0) {
            return "UNSPECIFIED";
        }
        String[] names = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
        return names[Math.min(5, (n - 1) / 4)];
    }
}
