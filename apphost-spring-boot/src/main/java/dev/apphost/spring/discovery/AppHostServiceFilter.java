package dev.apphost.spring.discovery;

import java.net.URI;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/** {@link AppHostServiceInterceptor}'s twin for {@code WebClient}. */
public final class AppHostServiceFilter implements ExchangeFilterFunction {

    private final AppHostServices services;

    public AppHostServiceFilter(AppHostServices services) {
        this.services = services;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        URI resolved;
        try {
            resolved = services.resolve(request.url());
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
        return next.exchange(resolved == request.url() ? request : ClientRequest.from(request).url(resolved).build());
    }
}
