package dev.apphost.samples.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.testing.AppHostTest;
import dev.apphost.testing.ConfigureAppHost;
import dev.apphost.testing.DistributedApplicationTestingBuilder;
import org.junit.jupiter.api.Test;

/**
 * The starter with {@code apiservice} replaced by a stub container that serves fixed forecasts:
 * webfrontend finds the stub through the same {@code services__apiservice__http__0} reference.
 */
@AppHostTest(StarterAppHost.class)
class StubbedApiServiceTest {

    @ConfigureAppHost
    static void stubTheApiService(DistributedApplicationTestingBuilder appHost) {
        appHost.removeResource("apiservice");
        appHost.addContainer("apiservice", "local/httpd:1")
                .withBindMount("src/test/resources/stub-apiservice", "/www", true)
                .withHttpEndpoint(null, 80, "http");
    }

    @Test
    void webfrontendShowsTheStubsForecasts(DistributedApplication app) throws Exception {
        var page = app.createHttpClient("webfrontend").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stubbed").contains("2030-01-01");
    }
}
