package dev.apphost.otlp;

import java.util.List;
import java.util.Map;

/** The telemetry the AppHost keeps, as plain values converted from OTLP (ids in lower-case hex, times in Unix nanoseconds). */
public final class TelemetryData {

    private TelemetryData() {
    }

    /** One span. {@code service} is {@code service.name}; {@code parentSpanId} is empty for a root span. */
    public record Span(String traceId, String spanId, String parentSpanId, String name, String kind, String service,
            String instanceId, String scope, long startNanos, long endNanos, String status, String statusMessage,
            Map<String, String> attributes, List<SpanEvent> events) {

        public long durationNanos() {
            return Math.max(0, endNanos - startNanos);
        }
    }

    /** An event inside a span (an exception, a log line…). */
    public record SpanEvent(String name, long timeNanos, Map<String, String> attributes) {
    }

    /** One structured log record. */
    public record LogEntry(long sequence, long timeNanos, String service, String instanceId, String scope,
            String severity, int severityNumber, String body, String traceId, String spanId,
            Map<String, String> attributes) {
    }

    /** One data point of an instrument: a sum, gauge or histogram's count/sum. */
    public record MetricPoint(long timeNanos, double value, Map<String, String> attributes) {
    }

    /** An instrument reported by one resource, with its latest points. */
    public record Instrument(String service, String scope, String name, String description, String unit,
            String type, List<MetricPoint> points) {
    }
}
