package dev.apphost.otlp;

import dev.apphost.otlp.TelemetryData.Instrument;
import dev.apphost.otlp.TelemetryData.LogEntry;
import dev.apphost.otlp.TelemetryData.MetricPoint;
import dev.apphost.otlp.TelemetryData.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The traces, structured logs and metrics received over OTLP, bounded by {@link TelemetryLimits}:
 * when a limit is reached the oldest trace (by first span received), log record or data point goes
 * first. Thread-safe; readers get copies.
 *
 * <pre>{@code
 * var store = new TelemetryStore(TelemetryLimits.defaults());
 * new OtlpReceiver(store, apiKey).start();
 * TracePage newest = store.traces(null, 0, 100);   // newest 100 and how many there are
 * }</pre>
 */
public final class TelemetryStore {

    /** A trace as the traces page lists it. {@code spansPerService} is in order of first appearance. */
    public record TraceSummary(String traceId, String rootName, String rootService, long startNanos,
            long durationNanos, int spanCount, boolean hasError, Map<String, Integer> spansPerService) {
    }

    private final TelemetryLimits limits;
    /** One page of {@link #traces(String, int, int)}: {@code total} traces match, {@code page} are shown. */
    public record TracePage(int total, List<TraceSummary> page) {
    }

    private final LinkedHashMap<String, TraceEntry> traces = new LinkedHashMap<>();
    private int spanCount;
    private final ArrayDeque<LogEntry> logs = new ArrayDeque<>();
    private long logSequence;
    private final LinkedHashMap<String, InstrumentSeries> instruments = new LinkedHashMap<>();
    /** Every service name seen, up to {@link #MAX_SERVICES}. */
    private final java.util.Set<String> services = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final int MAX_SERVICES = 1_000;

    public TelemetryStore(TelemetryLimits limits) {
        this.limits = limits;
    }

    public TelemetryLimits limits() {
        return limits;
    }

    // ---- traces

    public void addSpans(List<Span> spans) {
        synchronized (traces) {
            for (Span span : spans) {
                traces.computeIfAbsent(span.traceId(), id -> new TraceEntry()).add(span);
                spanCount++;
                seen(span.service());
            }
            Iterator<Map.Entry<String, TraceEntry>> oldest = traces.entrySet().iterator();
            while ((traces.size() > limits.maxTraceCount() || spanCount > limits.maxSpanCount()) && oldest.hasNext()) {
                spanCount -= oldest.next().getValue().spans.size();
                oldest.remove();
            }
        }
    }

    public int spanCount() {
        synchronized (traces) {
            return spanCount;
        }
    }

    /** Every trace, newest first, optionally only those with a span of {@code service}. */
    public List<TraceSummary> traces(String service) {
        return traces(service, 0, Integer.MAX_VALUE).page();
    }

    /**
     * The traces with a span of {@code service} (every trace when {@code null}), newest first, from
     * {@code offset}, at most {@code max}. Each trace keeps its summary up to date as spans arrive, so a
     * page costs a sort of the traces and the summaries of its own rows, not a pass over every span.
     */
    public TracePage traces(String service, int offset, int max) {
        List<TraceEntry> matching = new ArrayList<>();
        List<TraceSummary> page = new ArrayList<>();
        synchronized (traces) {
            for (TraceEntry t : traces.values()) {
                if (service == null || t.has(service)) {
                    matching.add(t);
                }
            }
            matching.sort(Comparator.comparingLong((TraceEntry t) -> t.start).reversed());
            int from = Math.min(Math.max(0, offset), matching.size());
            int to = (int) Math.min(matching.size(), (long) from + Math.max(0, max));
            for (TraceEntry t : matching.subList(from, to)) {
                page.add(t.summary());
            }
        }
        return new TracePage(matching.size(), page);
    }

    /** The spans of one trace, in start order. */
    public Optional<List<Span>> trace(String traceId) {
        List<Span> copy;
        synchronized (traces) {
            TraceEntry entry = traces.get(traceId.toLowerCase(java.util.Locale.ROOT));
            if (entry == null) {
                return Optional.empty();
            }
            copy = new ArrayList<>(entry.spans);
        }
        copy.sort(Comparator.comparingLong(Span::startNanos));
        return Optional.of(copy);
    }

    /** A trace's spans and the summary the list shows, kept as spans arrive (guarded by the store's lock). */
    private static final class TraceEntry {
        final List<Span> spans = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        Span root;
        Span earliest;
        boolean error;
        final Map<String, Integer> perService = new LinkedHashMap<>();

        void add(Span s) {
            spans.add(s);
            start = Math.min(start, s.startNanos());
            end = Math.max(end, s.endNanos());
            if (s.parentSpanId().isEmpty() && (root == null || s.startNanos() < root.startNanos())) {
                root = s;
            }
            if (earliest == null || s.startNanos() < earliest.startNanos()) {
                earliest = s;
            }
            error |= "ERROR".equals(s.status());
            perService.merge(s.service(), 1, Integer::sum);
        }

        boolean has(String service) {
            for (String s : perService.keySet()) {
                if (service.equalsIgnoreCase(s)) {
                    return true;
                }
            }
            return false;
        }

        TraceSummary summary() {
            Span shown = root != null ? root : earliest;
            return new TraceSummary(shown.traceId(), shown.name(), shown.service(), start, Math.max(0, end - start),
                    spans.size(), error, new LinkedHashMap<>(perService));
        }
    }

    // ---- logs

    public void addLogs(List<LogEntry> entries) {
        synchronized (logs) {
            for (LogEntry e : entries) {
                seen(e.service());
                logs.addLast(new LogEntry(++logSequence, e.timeNanos(), e.service(), e.instanceId(), e.scope(),
                        e.severity(), e.severityNumber(), e.body(), e.traceId(), e.spanId(), e.attributes()));
                if (logs.size() > limits.maxLogCount()) {
                    logs.removeFirst();
                }
            }
        }
    }

    /** The log records matching {@code filter}, oldest first, at most the last {@code max}. */
    public List<LogEntry> logs(Predicate<LogEntry> filter, int max) {
        ArrayDeque<LogEntry> result = new ArrayDeque<>();
        synchronized (logs) {
            for (LogEntry e : logs) {
                if (filter.test(e)) {
                    result.addLast(e);
                    if (result.size() > max) {
                        result.removeFirst();
                    }
                }
            }
        }
        return new ArrayList<>(result);
    }

    // ---- metrics

    public void addPoints(String service, String scope, String name, String description, String unit, String type,
            List<MetricPoint> points) {
        seen(service);
        String key = service + '\u0000' + scope + '\u0000' + name;
        synchronized (instruments) {
            InstrumentSeries series = instruments.get(key);
            if (series == null) {
                series = new InstrumentSeries(service, scope, name, description, unit, type);
                instruments.put(key, series);
                if (instruments.size() > limits.maxInstrumentCount()) {
                    instruments.remove(instruments.keySet().iterator().next());
                }
            }
            for (MetricPoint p : points) {
                series.points.addLast(p);
                if (series.points.size() > limits.maxMetricsCount()) {
                    series.points.removeFirst();
                }
            }
        }
    }

    /** The instruments, grouped by resource (service name, sorted), each with its points oldest first. */
    public Map<String, List<Instrument>> instruments() {
        Map<String, List<Instrument>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        synchronized (instruments) {
            for (InstrumentSeries s : instruments.values()) {
                result.computeIfAbsent(s.service, k -> new ArrayList<>()).add(new Instrument(s.service, s.scope,
                        s.name, s.description, s.unit, s.type, new ArrayList<>(s.points)));
            }
        }
        result.values().forEach(list -> list.sort(Comparator.comparing(Instrument::name)));
        return result;
    }

    /** The resources (service names) that sent any telemetry, sorted (at most {@value #MAX_SERVICES}). */
    public List<String> services() {
        List<String> names = new ArrayList<>(services);
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    private void seen(String service) {
        if (services.size() < MAX_SERVICES) {
            services.add(service);
        }
    }

    private static final class InstrumentSeries {
        final String service;
        final String scope;
        final String name;
        final String description;
        final String unit;
        final String type;
        final ArrayDeque<MetricPoint> points = new ArrayDeque<>();

        InstrumentSeries(String service, String scope, String name, String description, String unit, String type) {
            this.service = service;
            this.scope = scope;
            this.name = name;
            this.description = description;
            this.unit = unit;
            this.type = type;
        }
    }
}
