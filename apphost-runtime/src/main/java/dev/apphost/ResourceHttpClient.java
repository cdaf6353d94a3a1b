package dev.apphost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP client bound to one endpoint of a running resource: relative paths go to that endpoint,
 * as Aspire's {@code CreateHttpClient} does for .NET tests.
 *
 * <pre>{@code
 * try (var app = DistributedApplicationTestingBuilder.create(AppHostMain.class).build()) {
 *     app.start();
 *     app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(60));
 *     ResourceHttpClient web = app.createHttpClient("webfrontend");
 *     HttpResponse<String> page = web.get("/");           // http://localhost:<port>/
 *     assertEquals(200, page.statusCode());
 * }
 * }</pre>
 */
public final class ResourceHttpClient {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient client;

    ResourceHttpClient(URI baseUri) {
        this.baseUri = baseUri;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The endpoint's URL, e.g. {@code http://localhost:5455}. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@code path} ({@code /weatherforecast}, {@code api/items?x=1}) resolved against the endpoint. */
    public URI uri(String path) {
        Objects.requireNonNull(path, "path");
        String base = baseUri.toString();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return URI.create(path);
        }
        return URI.create(base.endsWith("/") || path.isEmpty() || path.startsWith("/")
                ? stripSlash(base) + (path.isEmpty() ? "/" : path) : base + "/" + path);
    }

    /** A request builder for {@code path}, with a 30 s timeout. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(DEFAULT_TIMEOUT);
    }

    /** GET {@code path}; the body as a string. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} (built with {@link #request(String)} or with any absolute URI). */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return client.send(request, body);
    }

    /** The underlying JDK client. */
    public HttpClient httpClient() {
        return client;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "ResourceHttpClient[" + baseUri + "]";
    }
}
