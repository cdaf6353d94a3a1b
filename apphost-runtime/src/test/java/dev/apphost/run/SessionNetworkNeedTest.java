package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionNetworkNeedTest {

    @TempDir
    Path dir;

    private boolean needs(Consumer<DistributedApplicationBuilder> model) {
        DistributedApplicationBuilder b = TestApps.builder(dir, Map.of("Parameters:pw", "x"));
        model.accept(b);
        return SessionNetworkNeed.containersReachEachOther(b.build().model().computeResources());
    }

    @Test
    void containersThatNameNoOtherContainerNeedNoNetwork() {
        assertThat(needs(b -> {
            for (int i = 0; i < 10; i++) {
                b.addContainer("web" + i, "local/httpd", "1").withHttpEndpoint(null, 80, "http").withHttpHealthCheck("/")
                        .withEnvironment("MODE", "test");
            }
        })).isFalse();
    }

    @Test
    void containersReachingOnlyHostProcessesOrWaitingOnEachOtherNeedNoNetwork() {
        assertThat(needs(b -> {
            var api = b.addExecutable("api", "sleep", ".", "60").withHttpEndpoint(null, null, "http", "PORT");
            var first = b.addContainer("first", "local/httpd", "1").withReference(api);
            b.addContainer("second", "local/httpd", "1").withReference(api).waitFor(first);
        })).isFalse();
    }

    @Test
    void aReferenceAnEndpointOrAConnectionStringOfAnotherContainerNeedsTheNetwork() {
        assertThat(needs(b -> {
            var web = b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http");
            b.addContainer("client", "local/busybox", "1").withReference(web);
        })).isTrue();
        assertThat(needs(b -> {
            var web = b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http");
            b.addContainer("client", "local/busybox", "1").withEnvironment("WEB", web.getEndpoint("http"));
        })).isTrue();
        assertThat(needs(b -> {
            var cache = b.addRedis("cache");
            b.addContainer("client", "local/busybox", "1").withEnvironment("CACHE", cache);
        })).isTrue();
    }

    @Test
    void anEnvironmentCallbackMayNameAnythingSoItGetsTheNetwork() {
        assertThat(needs(b -> {
            b.addContainer("web", "local/httpd", "1");
            b.addContainer("client", "local/busybox", "1").withEnvironment(context -> { });
        })).isTrue();
    }

    @Test
    void aLoneContainerNeedsNone() {
        assertThat(needs(b -> b.addContainer("web", "local/httpd", "1").withEnvironment(context -> { }))).isFalse();
    }
}
