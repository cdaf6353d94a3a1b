package dev.apphost.spring.discovery;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/** {@link AppHostDiscoveryClient} for reactive Spring Cloud clients. */
public final class AppHostReactiveDiscoveryClient implements ReactiveDiscoveryClient {

    private final AppHostDiscoveryClient delegate;

    public AppHostReactiveDiscoveryClient(AppHostServices services) {
        this.delegate = new AppHostDiscoveryClient(services);
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.defer(() -> Flux.fromIterable(delegate.getInstances(serviceId)));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.defer(() -> Flux.fromIterable(delegate.getServices()));
    }
}
