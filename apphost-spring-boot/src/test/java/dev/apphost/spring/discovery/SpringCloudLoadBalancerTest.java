package dev.apphost.spring.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * A Spring Cloud service, as it would run under Eureka, run by apphost instead: its
 * {@code @LoadBalanced} client finds {@code apiservice} (a real server on loopback) through
 * {@link AppHostDiscoveryClient}, and apphost's own builder customizers stand back.
 */
class SpringCloudLoadBalancerTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SpringCloudService {

        @Bean
        @LoadBalanced
        RestClient.Builder loadBalanced() {
            return RestClient.builder();
        }
    }

    @Test
    void loadBalancedClientsFindTheInjectedServices() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weatherforecast", exchange -> {
            byte[] body = "five forecasts".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SpringCloudService.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("services__apiservice__http__0", "http://127.0.0.1:" + server.getAddress().getPort(),
                        "spring.cloud.compatibility-verifier.enabled", "false"))
                .run()) {
            RestClient client = context.getBean("loadBalanced", RestClient.Builder.class).build();
            assertThat(client.get().uri("http://apiservice/weatherforecast").retrieve().body(String.class))
                    .isEqualTo("five forecasts");
            assertThat(context.getBeansOfType(RestClientCustomizer.class)).doesNotContainKey("appHostRestClientCustomizer");
        } finally {
            server.stop(0);
        }
    }
}
