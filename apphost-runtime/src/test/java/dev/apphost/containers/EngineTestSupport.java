package dev.apphost.containers;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Shared helpers for the tests tagged "docker": they skip, with the reason, when no engine answers. */
public final class EngineTestSupport {
    public static final String BUSYBOX = "local/busybox:1";
    public static final String HTTPD = "local/httpd:1";
    public static final String REDIS = "docker.io/library/redis:8.2";

    private EngineTestSupport() {
    }

    /** Connects, or aborts the test with the locator's full message (what was tried, how to fix). */
    public static ContainerEngine engineOrSkip() {
        try {
            return ContainerEngineLocator.fromEnvironment().connect();
        } catch (ContainerEngineUnavailableException e) {
            Assumptions.abort("Skipping engine test: " + e.getMessage());
            throw e;
        }
    }

    public static void requireImages(ContainerEngine engine, String... images) {
        for (String image : List.of(images)) {
            Assumptions.assumeTrue(engine.imageExists(image),
                    () -> "Skipping engine test: image " + image + " is missing; run `sudo bash scripts/container-setup.sh`");
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** GETs the URL until it answers 200 (docker-proxy accepts before the server listens), at most ~5 s. */
    public static String httpGet(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Exception last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException("HTTP " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + url, last);
    }

    public static String randomSuffix() {
        return Long.toString(System.nanoTime() & 0xffffffffL, 36);
    }
}
