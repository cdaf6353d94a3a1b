package dev.apphost.spring.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * A Spring Cloud {@link DiscoveryClient} over the {@code services__…} variables, so a Spring Cloud
 * service run by apphost finds its peers without Eureka or Consul: one instance per injected URL,
 * with the endpoint's name in the {@code endpoint} metadata.
 *
 * <pre>{@code
 * List<ServiceInstance> api = discoveryClient.getInstances("apiservice"); // http://localhost:5455, …
 * }</pre>
 */
public final class AppHostDiscoveryClient implements DiscoveryClient {

    private final AppHostServices services;

    public AppHostDiscoveryClient(AppHostServices services) {
        this.services = services;
    }

    @Override
    public String description() {
        return "apphost (services__<name>__<endpoint>__<i> variables)";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (Map.Entry<String, List<URI>> endpoint : services.endpoints(serviceId).entrySet()) {
            List<URI> urls = endpoint.getValue();
            for (int i = 0; i < urls.size(); i++) {
                URI url = urls.get(i);
                boolean secure = "https".equalsIgnoreCase(url.getScheme());
                int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
                DefaultServiceInstance instance = new DefaultServiceInstance(
                        serviceId + "-" + endpoint.getKey() + "-" + i, serviceId, url.getHost(), port, secure,
                        Map.of("endpoint", endpoint.getKey()));
                instance.setUri(url);
                instances.add(instance);
            }
        }
        // https first, as Aspire's https+http:// prefers it
        instances.sort((a, b) -> Boolean.compare(b.isSecure(), a.isSecure()));
        return instances;
    }

    @Override
    public List<String> getServices() {
        return List.copyOf(services.serviceNames());
    }
}
