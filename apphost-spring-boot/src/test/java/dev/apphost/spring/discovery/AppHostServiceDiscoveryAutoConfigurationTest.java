package dev.apphost.spring.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients built from Spring Boot's builders reach a real HTTP server on loopback through the
 * logical name {@code apiservice}, as a service run by apphost does.
 */
class AppHostServiceDiscoveryAutoConfigurationTest {

    private HttpServer server;
    private String url;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weatherforecast", exchange -> {
            byte[] body = ("forecast for " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppHostServiceDiscoveryAutoConfiguration.class,
                        AppHostDiscoveryClientAutoConfiguration.class,
                        RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
                        WebClientAutoConfiguration.class))
                // Spring Cloud LoadBalancer is on the test class path for SpringCloudLoadBalancerTest
                .withClassLoader(new FilteredClassLoader("org.springframework.cloud.loadbalancer"))
                .withPropertyValues("services__apiservice__http__0=" + url, "APISERVICE_HTTP=" + url);
    }

    @Test
    void restClientResolvesTheLogicalName() {
        runner().run(context -> {
            RestClient client = context.getBean(RestClient.Builder.class).baseUrl("http://apiservice").build();
            assertThat(client.get().uri("/weatherforecast?days=5").retrieve().body(String.class))
                    .isEqualTo("forecast for /weatherforecast?days=5");
            RestClient preferHttps = context.getBean(RestClient.Builder.class).build();
            assertThat(preferHttps.get().uri("https+http://apiservice/weatherforecast").retrieve().body(String.class))
                    .isEqualTo("forecast for /weatherforecast");
        });
    }

    @Test
    void restTemplateResolvesTheLogicalName() {
        runner().run(context -> {
            var template = context.getBean(RestTemplateBuilder.class).build();
            assertThat(template.getForObject("http://apiservice/weatherforecast", String.class))
                    .isEqualTo("forecast for /weatherforecast");
        });
    }

    @Test
    void webClientResolvesTheLogicalName() {
        runner().run(context -> {
            WebClient client = context.getBean(WebClient.Builder.class).baseUrl("https+http://apiservice").build();
            assertThat(client.get().uri("/weatherforecast").retrieve().bodyToMono(String.class).block())
                    .isEqualTo("forecast for /weatherforecast");
        });
    }

    @Test
    void optOutLeavesTheBuildersAlone() {
        runner().withPropertyValues("apphost.service-discovery.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("appHostRestClientCustomizer")
                        .doesNotHaveBean("appHostWebClientCustomizer"));
    }

    @Test
    void springCloudDiscoveryClientsListTheInjectedServices() {
        runner().withPropertyValues("services__apiservice__https__0=https://localhost:7455").run(context -> {
            DiscoveryClient client = context.getBean(AppHostDiscoveryClient.class);
            assertThat(client.getServices()).containsExactly("apiservice");
            List<ServiceInstance> instances = client.getInstances("apiservice");
            assertThat(instances).extracting(ServiceInstance::getUri)
                    .containsExactly(java.net.URI.create("https://localhost:7455"), java.net.URI.create(url));
            assertThat(instances.get(0).isSecure()).isTrue();
            assertThat(instances.get(1).getPort()).isEqualTo(server.getAddress().getPort());
            assertThat(instances.get(1).getMetadata()).containsEntry("endpoint", "http");
            ReactiveDiscoveryClient reactive = context.getBean(ReactiveDiscoveryClient.class);
            assertThat(reactive.getInstances("apiservice").collectList().block()).hasSize(2);
            assertThat(client.getInstances("unknown")).isEmpty();
        });
    }

    @Test
    void noDiscoveryClientWithoutSpringCloudCommons() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.cloud")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("appHostDiscoveryClient")
                        .hasBean("appHostRestClientCustomizer"));
    }
}
