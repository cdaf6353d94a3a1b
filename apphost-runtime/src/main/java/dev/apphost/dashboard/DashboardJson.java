package dev.apphost.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apphost.dashboard.DashboardBackend.ResourceView;
import dev.apphost.otlp.TelemetryData.Instrument;
import dev.apphost.otlp.TelemetryData.LogEntry;
import dev.apphost.otlp.TelemetryData.Span;
import dev.apphost.otlp.TelemetryStore;
import dev.apphost.run.LogLine;
import dev.apphost.ResourceSnapshot;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** The dashboard's JSON documents: what the pages render and what {@code /api/...} returns. */
final class DashboardJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DashboardBackend backend;
    private final TelemetryStore telemetry;

    DashboardJson(DashboardBackend backend, TelemetryStore telemetry) {
        this.backend = backend;
        this.telemetry = telemetry;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> resources() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ResourceView view : backend.resources()) {
            list.add(resource(view, false));
        }
        return list;
    }

    Map<String, Object> resource(String name) {
        for (ResourceView view : backend.resources()) {
            if (view.snapshot().name().equalsIgnoreCase(name)) {
                return resource(view, true);
            }
        }
        return null;
    }

    private Map<String, Object> resource(ResourceView view, boolean details) {
        ResourceSnapshot s = view.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("type", s.type());
        m.put("state", s.state());
        m.put("health", s.health());
        m.put("healthReason", s.healthReason());
        m.put("message", s.message());
        m.put("exitCode", s.exitCode());
        m.put("pid", s.pid());
        m.put("startTime", s.startedAt() == null ? null : s.startedAt().toString());
        m.put("source", view.source());
        m.put("urls", s.urls());
        m.put("references", view.references());
        m.put("waitFor", view.waitFor());
        m.put("commands", backend.commands(s.name()));
        if (details) {
            List<Map<String, String>> env = new ArrayList<>();
            backend.environment(s.name()).forEach((k, v) -> env.add(Map.of("name", k, "value", v)));
            m.put("environment", env);
        }
        return m;
    }

    static Map<String, Object> line(LogLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resource", line.resource());
        m.put("stream", line.stream().name().toLowerCase(Locale.ROOT));
        m.put("time", line.timestamp().toString());
        m.put("text", line.text());
        return m;
    }

    List<Map<String, Object>> structuredLogs(String resource, String level, String text, String traceId, int max) {
        int minimum = minimumSeverity(level);
        String needle = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT);
        Predicate<LogEntry> filter = e -> (resource == null || resource.isBlank() || e.service().equalsIgnoreCase(resource))
                && (minimum == 0 || e.severityNumber() >= minimum)
                && (traceId == null || traceId.isBlank() || traceId.equalsIgnoreCase(e.traceId()))
                && (needle == null || e.body().toLowerCase(Locale.ROOT).contains(needle)
                        || e.attributes().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle)));
        List<Map<String, Object>> list = new ArrayList<>();
        for (LogEntry e : telemetry.logs(filter, max)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", e.sequence());
            m.put("timeNanos", e.timeNanos());
            m.put("resource", e.service());
            m.put("instance", e.instanceId());
            m.put("scope", e.scope());
            m.put("severity", e.severity());
            m.put("message", e.body());
            m.put("traceId", e.traceId());
            m.put("spanId", e.spanId());
            m.put("attributes", e.attributes());
            list.add(m);
        }
        return list;
    }

    /** {@code Trace}…{@code Critical} (Aspire's level names) or OTel's; the lowest severity number shown. */
    static int minimumSeverity(String level) {
        if (level == null || level.isBlank()) {
            return 0;
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "trace" -> 1;
            case "debug" -> 5;
            case "information", "info" -> 9;
            case "warning", "warn" -> 13;
            case "error" -> 17;
            case "critical", "fatal" -> 21;
            default -> 0;
        };
    }

    TelemetryStore.TracePage traces(String resource, int offset, int max) {
        return telemetry.traces(resource == null || resource.isBlank() ? null : resource, offset, max);
    }

    List<Span> trace(String traceId) {
        return telemetry.trace(traceId).orElse(null);
    }

    Map<String, List<Instrument>> metrics() {
        return telemetry.instruments();
    }

    List<String> telemetryResources() {
        return telemetry.services();
    }
}
