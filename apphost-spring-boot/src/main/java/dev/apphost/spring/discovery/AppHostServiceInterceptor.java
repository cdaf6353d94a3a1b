package dev.apphost.spring.discovery;

import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Sends a {@code RestClient} or {@code RestTemplate} request for {@code http://apiservice/…} to the
 * URL the AppHost injected for {@code apiservice} (see {@link AppHostServices#resolve(URI)}).
 */
public final class AppHostServiceInterceptor implements ClientHttpRequestInterceptor {

    private final AppHostServices services;

    public AppHostServiceInterceptor(AppHostServices services) {
        this.services = services;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        URI resolved = services.resolve(request.getURI());
        if (resolved == request.getURI()) {
            return execution.execute(request, body);
        }
        return execution.execute(new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return resolved;
            }
        }, body);
    }
}
