package dev.apphost.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.spring.defaults.AppHostDefaultsEnvironmentPostProcessor;
import dev.apphost.spring.discovery.AppHostDiscoveryClient;
import dev.apphost.spring.discovery.AppHostServices;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A whole SpringApplication with auto-configuration, as a service has it: the auto-configurations
 * come from META-INF/spring/…AutoConfiguration.imports and the service defaults from
 * META-INF/spring.factories, with no configuration of the application's own.
 */
class RegistrationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Service {
    }

    @Test
    void oneDependencyAndNoProperties() {
        Map<String, Object> injected = Map.of(
                "ConnectionStrings__cache", "localhost:62354,password=s3cret",
                "services__apiservice__http__0", "http://localhost:5455",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE).properties(injected).run()) {
            assertThat(context.getBean(RedisConnectionDetails.class).getStandalone().getPort()).isEqualTo(62354);
            assertThat(context.getBean(AppHostServices.class).serviceNames()).containsExactly("apiservice");
            assertThat(context.getBean(AppHostDiscoveryClient.class).getServices()).containsExactly("apiservice");
            assertThat(context.getEnvironment().getPropertySources()
                    .get(AppHostDefaultsEnvironmentPostProcessor.SOURCE_NAME).getProperty(
                            "management.endpoint.health.probes.enabled"))
                    .as("Spring Boot Actuator is on this classpath").isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("management.otlp.tracing.endpoint"))
                    .as("no OpenTelemetry bridge on this classpath").isNull();
        }
    }
}
