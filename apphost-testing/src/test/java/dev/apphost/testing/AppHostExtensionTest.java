package dev.apphost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.apphost.DistributedApplication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link AppHostTest} run through the JUnit Platform's test kit, on fixture classes nested here (which
 * Surefire does not run by themselves): injection, one app per class or per method, the model changed
 * by {@link ConfigureAppHost}, logs in the report of a failed test, nothing left after the class.
 */
class AppHostExtensionTest {

    /** What the fixtures saw: test name to the pid of {@code web}. */
    static final Map<String, Long> WEB_PIDS = new ConcurrentHashMap<>();
    static final List<DistributedApplication> APPS = new CopyOnWriteArrayList<>();

    @AppHostTest(ProcessAppHost.class)
    static class PerClassFixture {
        static DistributedApplication shared;
        DistributedApplication field;

        @ConfigureAppHost
        static void greetInFrench(DistributedApplicationTestingBuilder appHost) {
            appHost.withParameter("greeting", "bonjour");
        }

        @Test
        void first(DistributedApplication app) throws Exception {
            assertThat(app).isSameAs(field).isSameAs(shared);
            record("first", app);
            assertThat(DistributedApplicationTestingBuilderTest.get(app, "web", "/index.html").statusCode()).isEqualTo(200);
            assertThat(app.resourceLogs().lines("worker")).anyMatch(l -> l.text().equals("greeting=bonjour"));
        }

        @Test
        void second(DistributedApplication app) {
            record("second", app);
        }
    }

    @AppHostTest(value = ProcessAppHost.class, lifecycle = AppHostTest.Lifecycle.PER_METHOD)
    static class PerMethodFixture {
        @Test
        void one(DistributedApplication app) {
            record("one", app);
        }

        @Test
        void two(DistributedApplication app) {
            record("two", app);
        }
    }

    @AppHostTest(ProcessAppHost.class)
    static class FailingFixture {
        @Test
        void fails(DistributedApplication app) {
            record("fails", app);
            throw new AssertionError("the test failed on purpose");
        }
    }

    private static void record(String test, DistributedApplication app) {
        WEB_PIDS.put(test, app.resourceSnapshot("web").pid());
        APPS.add(app);
    }

    @Test
    void oneAppPerClassIsStartedOnceInjectedEverywhereAndClosedAfterTheClass() {
        WEB_PIDS.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerClassFixture.class))
                .execute().testEvents();

        tests.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(WEB_PIDS.get("first")).isEqualTo(WEB_PIDS.get("second"));
        assertThat(ProcessHandle.of(WEB_PIDS.get("first")).filter(ProcessHandle::isAlive))
                .as("web after the class").isEmpty();
    }

    @Test
    void perMethodGivesEachTestItsOwnApp() {
        WEB_PIDS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerMethodFixture.class))
                .execute().testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(WEB_PIDS.get("one")).isNotEqualTo(WEB_PIDS.get("two"));
        assertThat(ProcessHandle.of(WEB_PIDS.get("one")).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(WEB_PIDS.get("two")).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aFailedTestReportsEachResourcesRecentOutput() {
        Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingFixture.class))
                .execute().allEvents();

        all.assertStatistics(s -> s.failed(1));
        List<String> reports = all.reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("apphost.resources"))
                .toList();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains("---- worker").contains("greeting=hello");
    }
}
