package dev.apphost.otlp;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplicationException;

/**
 * How much telemetry the AppHost keeps in memory; when a limit is reached the oldest data goes first.
 * Configured like Aspire's {@code Dashboard:TelemetryLimits} section:
 *
 * <pre>{@code
 * mvn apphost:run -Dapphost.args="--Dashboard:TelemetryLimits:MaxTraceCount=2000"
 * }</pre>
 *
 * @param maxLogCount structured log records kept, all resources together ({@code MaxLogCount})
 * @param maxTraceCount traces kept ({@code MaxTraceCount})
 * @param maxSpanCount spans kept over all traces; whole oldest traces go first ({@code MaxSpanCount}, not in Aspire)
 * @param maxMetricsCount data points kept per instrument ({@code MaxMetricsCount})
 * @param maxAttributeCount attributes kept per span, event, log record or point ({@code MaxAttributeCount})
 * @param maxAttributeLength characters kept per attribute value or log body ({@code MaxAttributeLength})
 * @param maxSpanEventCount events kept per span ({@code MaxSpanEventCount})
 * @param maxInstrumentCount instruments kept over all resources ({@code MaxInstrumentCount}, not in Aspire)
 */
public record TelemetryLimits(int maxLogCount, int maxTraceCount, int maxSpanCount, int maxMetricsCount,
        int maxAttributeCount, int maxAttributeLength, int maxSpanEventCount, int maxInstrumentCount) {

    public static final String PREFIX = "Dashboard:TelemetryLimits:";

    public static TelemetryLimits defaults() {
        return new TelemetryLimits(10_000, 10_000, 100_000, 1_000, 128, 4_096, 256, 2_000);
    }

    /** The defaults, overridden by {@code Dashboard:TelemetryLimits:<Name>} keys of {@code configuration}. */
    public static TelemetryLimits from(Configuration configuration) {
        TelemetryLimits d = defaults();
        return new TelemetryLimits(
                read(configuration, "MaxLogCount", d.maxLogCount),
                read(configuration, "MaxTraceCount", d.maxTraceCount),
                read(configuration, "MaxSpanCount", d.maxSpanCount),
                read(configuration, "MaxMetricsCount", d.maxMetricsCount),
                read(configuration, "MaxAttributeCount", d.maxAttributeCount),
                read(configuration, "MaxAttributeLength", d.maxAttributeLength),
                read(configuration, "MaxSpanEventCount", d.maxSpanEventCount),
                read(configuration, "MaxInstrumentCount", d.maxInstrumentCount));
    }

    private static int read(Configuration configuration, String name, int fallback) {
        String value = configuration.get(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new DistributedApplicationException("Configuration '" + PREFIX + name
                    + "' must be a positive whole number, not '" + value + "'.");
        }
    }
}
