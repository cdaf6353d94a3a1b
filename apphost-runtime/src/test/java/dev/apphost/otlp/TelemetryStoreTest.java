package dev.apphost.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplicationException;
import dev.apphost.TestApps;
import dev.apphost.otlp.TelemetryData.LogEntry;
import dev.apphost.otlp.TelemetryData.MetricPoint;
import dev.apphost.otlp.TelemetryData.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class TelemetryStoreTest {

    static Span span(String trace, int i) {
        return new Span(trace, Integer.toHexString(i), "", "op", "Server", "svc", "svc-1", "s", i, i + 10L, "UNSET", "",
                Map.of(), List.of());
    }

    @Test
    void theOldestTracesGoFirstWhenTraceOrSpanLimitsAreReached() {
        var store = new TelemetryStore(new TelemetryLimits(10, 3, 5, 10, 10, 100, 10, 10));
        for (int t = 0; t < 4; t++) {
            store.addSpans(List.of(span("t" + t, 1)));
        }
        assertThat(store.traces(null)).extracting(TelemetryStore.TraceSummary::traceId)
                .containsExactlyInAnyOrder("t1", "t2", "t3");
        List<Span> big = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            big.add(span("t9", i));
        }
        store.addSpans(big);
        assertThat(store.spanCount()).isLessThanOrEqualTo(5);
        assertThat(store.trace("t9")).isPresent();
        assertThat(store.trace("t1")).isEmpty();
    }

    static Span span(String trace, String id, String parent, String service, long start, long end, String status) {
        return new Span(trace, id, parent, "op-" + id, "Server", service, service + "-1", "s", start, end, status, "",
                Map.of(), List.of());
    }

    @Test
    void aPageOfTracesIsNewestFirstWithTheTotalAndSummariesKeptAsSpansArrive() {
        var store = new TelemetryStore(TelemetryLimits.defaults());
        for (int t = 0; t < 25; t++) {
            store.addSpans(List.of(span("t" + t, "a", "", t % 2 == 0 ? "front" : "back", 1_000L * t, 1_000L * t + 50, "UNSET")));
        }
        // a child arriving before its root, then the root, then a later child with an error, from another service
        store.addSpans(List.of(span("t3", "c", "r", "back", 3_010, 3_020, "UNSET")));
        store.addSpans(List.of(span("t3", "r", "", "front", 2_990, 3_100, "UNSET"), span("t3", "d", "r", "db", 3_050,
                3_400, "ERROR")));

        TelemetryStore.TracePage first = store.traces(null, 0, 10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.page()).extracting(TelemetryStore.TraceSummary::traceId)
                .containsExactly("t24", "t23", "t22", "t21", "t20", "t19", "t18", "t17", "t16", "t15");
        assertThat(store.traces(null, 20, 10).page()).extracting(TelemetryStore.TraceSummary::traceId)
                .containsExactly("t4", "t3", "t2", "t1", "t0");
        assertThat(store.traces(null, 30, 10).page()).isEmpty();
        assertThat(store.traces(null, 20, 10).page().get(1)).satisfies(t3 -> {
            assertThat(t3.rootName()).as("the parentless span, though it came later").isEqualTo("op-r");
            assertThat(t3.rootService()).isEqualTo("front");
            assertThat(t3.startNanos()).isEqualTo(2_990);
            assertThat(t3.durationNanos()).isEqualTo(410);
            assertThat(t3.spanCount()).isEqualTo(4);
            assertThat(t3.hasError()).isTrue();
            assertThat(t3.spansPerService()).containsExactly(Map.entry("back", 2), Map.entry("front", 1),
                    Map.entry("db", 1));
        });
        TelemetryStore.TracePage db = store.traces("DB", 0, 10);
        assertThat(db.total()).isEqualTo(1);
        assertThat(db.page()).extracting(TelemetryStore.TraceSummary::traceId).containsExactly("t3");
    }

    @Test
    void logsAndPointsKeepTheNewest() {
        var store = new TelemetryStore(new TelemetryLimits(3, 10, 10, 2, 10, 100, 10, 1));
        for (int i = 0; i < 5; i++) {
            store.addLogs(List.of(new LogEntry(0, i, "svc", "", "", "INFO", 9, "line " + i, "", "", Map.of())));
            store.addPoints("svc", "s", "m", "", "", "gauge", List.of(new MetricPoint(i, i, Map.of())));
        }
        assertThat(store.logs(e -> true, 100)).extracting(LogEntry::body).containsExactly("line 2", "line 3", "line 4");
        assertThat(store.instruments().get("svc")).singleElement().satisfies(i ->
                assertThat(i.points()).extracting(MetricPoint::value).containsExactly(3.0, 4.0));
        store.addPoints("svc", "s", "other", "", "", "gauge", List.of(new MetricPoint(9, 9, Map.of())));
        assertThat(store.instruments().get("svc")).extracting(TelemetryData.Instrument::name).containsExactly("other");
    }

    @Test
    void limitsComeFromTheDashboardTelemetryLimitsSection() {
        var config = TestApps.builder(Map.of(), "--Dashboard:TelemetryLimits:MaxTraceCount=7").configuration();
        assertThat(TelemetryLimits.from(config).maxTraceCount()).isEqualTo(7);
        assertThat(TelemetryLimits.from(config).maxLogCount()).isEqualTo(10_000);
        var bad = TestApps.builder(Map.of(), "--Dashboard:TelemetryLimits:MaxLogCount=lots").configuration();
        Assertions.assertThatThrownBy(() -> TelemetryLimits.from(bad)).isInstanceOf(DistributedApplicationException.class)
                .hasMessageContaining("Dashboard:TelemetryLimits:MaxLogCount").hasMessageContaining("lots");
    }
}
