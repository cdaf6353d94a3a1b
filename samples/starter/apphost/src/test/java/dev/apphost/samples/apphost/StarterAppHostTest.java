package dev.apphost.samples.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.testing.AppHostTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The whole starter app, as {@code StarterAppHost} describes it: Redis, apiservice and webfrontend,
 * started once for this class on allocated ports and stopped after it.
 */
@AppHostTest(StarterAppHost.class)
class StarterAppHostTest {

    @Test
    void webfrontendServesTheForecastsThroughTheRedisCache(DistributedApplication app) throws Exception {
        var webfrontend = app.createHttpClient("webfrontend");

        HttpResponse<String> first = webfrontend.get("/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().split("<tr><td>", -1)).as("five forecasts").hasSize(6);

        HttpResponse<String> second = webfrontend.get("/");
        assertThat(second.body()).contains("served from the Redis cache");
    }

    @Test
    void apiserviceAnswersOnItsOwn(DistributedApplication app) throws Exception {
        HttpResponse<String> forecasts = app.createHttpClient("apiservice").get("/weatherforecast");
        assertThat(forecasts.statusCode()).isEqualTo(200);
        assertThat(forecasts.body()).contains("\"temperatureC\"");
    }
}
