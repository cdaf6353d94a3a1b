package dev.apphost.spring.defaults;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Spring Boot properties that give a service Aspire's ServiceDefaults: health probes, and OTLP
 * export configured from the standard {@code OTEL_*} variables the AppHost sets. Only defaults:
 * the application's own configuration always wins.
 */
final class ServiceDefaults {

    static final String ACTUATOR = "org.springframework.boot.actuate.health.HealthEndpoint";
    static final String TRACING_BRIDGE = "io.micrometer.tracing.otel.bridge.OtelTracer";
    static final String SPAN_EXPORTER = "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter";
    static final String OTLP_METER_REGISTRY = "io.micrometer.registry.otlp.OtlpMeterRegistry";
    static final String LOG_EXPORTER = "io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter";

    private static final String HTTP_PROTOBUF = "http/protobuf";

    /** Properties set, and why some were not (for the log). */
    record Result(Map<String, Object> properties, List<String> notes) {
    }

    private ServiceDefaults() {
    }

    /** The liveness and readiness groups, at {@code /actuator/health/liveness|readiness} and {@code /livez}, {@code /readyz}. */
    static Map<String, Object> health(Predicate<String> classPresent) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (classPresent.test(ACTUATOR)) {
            properties.put("management.endpoint.health.probes.enabled", "true");
            properties.put("management.endpoint.health.probes.add-additional-paths", "true");
        }
        return properties;
    }

    /**
     * OTLP export from {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or the per-signal {@code _TRACES_}, {@code _METRICS_},
     * {@code _LOGS_} variables), {@code _PROTOCOL}, {@code _HEADERS}, {@code OTEL_SERVICE_NAME},
     * {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_TRACES_SAMPLER[_ARG]} and {@code OTEL_METRIC_EXPORT_INTERVAL},
     * for the signals whose libraries are present.
     */
    static Result otlp(Function<String, String> variables, Predicate<String> classPresent) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String base = trimTrailingSlash(variables.apply("OTEL_EXPORTER_OTLP_ENDPOINT"));
        String protocol = orDefault(variables.apply("OTEL_EXPORTER_OTLP_PROTOCOL"), HTTP_PROTOBUF);
        Map<String, String> headers = keyValues(variables.apply("OTEL_EXPORTER_OTLP_HEADERS"));

        if (classPresent.test(TRACING_BRIDGE) && classPresent.test(SPAN_EXPORTER)) {
            Signal traces = signal(variables, "TRACES", "/v1/traces", base, protocol);
            if (traces != null) {
                properties.put("management.otlp.tracing.endpoint", traces.endpoint());
                properties.put("management.otlp.tracing.transport", traces.grpc() ? "grpc" : "http");
                putHeaders(properties, "management.otlp.tracing.headers", headers, variables.apply("OTEL_EXPORTER_OTLP_TRACES_HEADERS"));
                properties.put("management.tracing.sampling.probability", sampling(variables));
            }
        }
        if (classPresent.test(OTLP_METER_REGISTRY)) {
            Signal metrics = signal(variables, "METRICS", "/v1/metrics", base, protocol);
            if (metrics != null && metrics.grpc()) {
                notes.add("metrics are not exported: Micrometer's OTLP registry speaks http/protobuf only and the "
                        + "OTLP endpoint is gRPC (set OTEL_EXPORTER_OTLP_METRICS_ENDPOINT to an http/protobuf endpoint)");
            } else if (metrics != null) {
                properties.put("management.otlp.metrics.export.url", metrics.endpoint());
                putHeaders(properties, "management.otlp.metrics.export.headers", headers, variables.apply("OTEL_EXPORTER_OTLP_METRICS_HEADERS"));
                String interval = variables.apply("OTEL_METRIC_EXPORT_INTERVAL");
                if (interval != null && interval.trim().matches("\\d+")) {
                    properties.put("management.otlp.metrics.export.step", interval.trim() + "ms");
                }
            }
        }
        if (classPresent.test(LOG_EXPORTER)) {
            Signal logs = signal(variables, "LOGS", "/v1/logs", base, protocol);
            if (logs != null) {
                properties.put("management.otlp.logging.endpoint", logs.endpoint());
                properties.put("management.otlp.logging.transport", logs.grpc() ? "grpc" : "http");
                putHeaders(properties, "management.otlp.logging.headers", headers, variables.apply("OTEL_EXPORTER_OTLP_LOGS_HEADERS"));
            }
        }
        if (!properties.isEmpty()) {
            keyValues(variables.apply("OTEL_RESOURCE_ATTRIBUTES")).forEach((key, value) ->
                    properties.put("management.opentelemetry.resource-attributes[" + key + "]", value));
            String serviceName = variables.apply("OTEL_SERVICE_NAME");
            if (serviceName != null && !serviceName.isBlank()) {
                properties.put("management.opentelemetry.resource-attributes[service.name]", serviceName.trim());
            }
        }
        return new Result(properties, notes);
    }

    private record Signal(String endpoint, boolean grpc) {
    }

    /** A signal's endpoint: its own variable as is, else the base endpoint plus the signal's path (http) or as is (gRPC). */
    private static Signal signal(Function<String, String> variables, String signal, String httpPath, String base,
            String protocol) {
        String own = variables.apply("OTEL_EXPORTER_OTLP_" + signal + "_ENDPOINT");
        boolean grpc = orDefault(variables.apply("OTEL_EXPORTER_OTLP_" + signal + "_PROTOCOL"), protocol)
                .toLowerCase(Locale.ROOT).equals("grpc");
        if (own != null && !own.isBlank()) {
            return new Signal(own.trim(), grpc);
        }
        if (base == null) {
            return null;
        }
        return new Signal(grpc ? base : base + httpPath, grpc);
    }

    private static String sampling(Function<String, String> variables) {
        String sampler = orDefault(variables.apply("OTEL_TRACES_SAMPLER"), "always_on").toLowerCase(Locale.ROOT);
        String argument = variables.apply("OTEL_TRACES_SAMPLER_ARG");
        return switch (sampler) {
            case "always_off", "parentbased_always_off" -> "0.0";
            case "traceidratio", "parentbased_traceidratio" -> argument == null || argument.isBlank() ? "1.0" : argument.trim();
            default -> "1.0";
        };
    }

    private static void putHeaders(Map<String, Object> properties, String prefix, Map<String, String> common,
            String own) {
        Map<String, String> headers = new LinkedHashMap<>(common);
        headers.putAll(keyValues(own));
        headers.forEach((key, value) -> properties.put(prefix + "[" + key + "]", value));
    }

    /** OTel's {@code key=value,key=value} lists, values percent-decoded. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                result.put(part.substring(0, eq).trim(), URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static String trimTrailingSlash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
