package dev.apphost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.ExecutableResourceBuilder;
import dev.apphost.internal.AppHostCaptureException;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.Resource;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The testing builder on real host processes: capture, changes to the model, start, HTTP, close. */
class DistributedApplicationTestingBuilderTest {

    private DistributedApplication app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void captureStopsTheAppHostAtBuildAndStartsNothing() {
        ProcessAppHost.ranPastBuild = false;
        var appHost = DistributedApplicationTestingBuilder.create(ProcessAppHost.class);

        assertThat(appHost.resources()).extracting(Resource::name).containsExactly("greeting", "web", "worker");
        assertThat(ProcessAppHost.ranPastBuild).as("main went past build()").isFalse();
        assertThat(appHost.executionContext().isRunMode()).isTrue();
    }

    @Test
    void anAppHostCatchingExceptionsStillStopsAtBuild() {
        BrokenAppHosts.SwallowsExceptions.ranPastBuild = false;
        var appHost = DistributedApplicationTestingBuilder.create(BrokenAppHosts.SwallowsExceptions.class);
        assertThat(appHost.resources()).extracting(Resource::name).containsExactly("p");
        assertThat(BrokenAppHosts.SwallowsExceptions.ranPastBuild).isFalse();
    }

    @Test
    void anAppHostThatCannotGiveAModelSaysWhy() {
        assertThatThrownBy(() -> DistributedApplicationTestingBuilder.create(BrokenAppHosts.NeverBuilds.class))
                .isInstanceOf(AppHostCaptureException.class)
                .hasMessageContaining("returned without calling build()");
        assertThatThrownBy(() -> DistributedApplicationTestingBuilder.create(BrokenAppHosts.Throws.class))
                .isInstanceOf(AppHostCaptureException.class)
                .hasMessageContaining("failed before it called build()")
                .hasMessageContaining("no configuration for the test");
        assertThatThrownBy(() -> DistributedApplicationTestingBuilder.create(BrokenAppHosts.NoMain.class))
                .isInstanceOf(AppHostCaptureException.class)
                .hasMessageContaining("has no public static void main(String[] args)");
    }

    @Test
    void fixedPortsAreAllocatedAndTheServiceAnswersThroughItsClient() throws Exception {
        app = DistributedApplicationTestingBuilder.create(ProcessAppHost.class).build();
        app.start();
        app.resourceNotifications().waitForResourceHealthy("web", Duration.ofSeconds(30));

        assertThat(app.getEndpoint("web", "http").getPort()).isNotEqualTo(18080);
        HttpResponse<String> page = get(app, "web", "/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hello from web");
    }

    @Test
    void parametersWaitsAndResourcesCanBeChangedBeforeBuild() throws Exception {
        var appHost = DistributedApplicationTestingBuilder.create(ProcessAppHost.class)
                .withParameter("greeting", "bonjour")
                .withoutWaits()
                .removeResource("web");
        appHost.resource("worker", ExecutableResourceBuilder.class).withEnvironment("EXTRA", "1");

        ComputeResource worker = (ComputeResource) appHost.resources().stream()
                .filter(r -> r.name().equals("worker")).findFirst().orElseThrow();
        assertThat(worker.settings().waits()).isEmpty();
        assertThat(appHost.resources()).extracting(Resource::name).containsExactly("greeting", "worker");

        app = appHost.build();
        app.start();
        app.resourceNotifications().waitForResource("worker", "Running", Duration.ofSeconds(30));
        awaitLine("worker", "greeting=bonjour");
    }

    @Test
    void closeLeavesNoProcessBehind() throws Exception {
        app = DistributedApplicationTestingBuilder.create(ProcessAppHost.class).build();
        app.start();
        app.resourceNotifications().waitForResource("worker", "Running", Duration.ofSeconds(30));
        long web = app.resourceSnapshot("web").pid();
        long worker = app.resourceSnapshot("worker").pid();

        app.close();
        app = null;

        assertThat(ProcessHandle.of(web).filter(ProcessHandle::isAlive)).as("web after close()").isEmpty();
        assertThat(ProcessHandle.of(worker).filter(ProcessHandle::isAlive)).as("worker after close()").isEmpty();
    }

    private void awaitLine(String resource, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (app.resourceLogs().lines(resource).stream().noneMatch(l -> l.text().contains(text))) {
            assertThat(System.nanoTime()).as(resource + " printed '" + text + "'; it printed "
                    + app.resourceLogs().tail(resource, 10)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static HttpResponse<String> get(DistributedApplication app, String resource, String path) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return app.createHttpClient(resource).get(path);
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no answer from " + resource + path, last);
    }
}
