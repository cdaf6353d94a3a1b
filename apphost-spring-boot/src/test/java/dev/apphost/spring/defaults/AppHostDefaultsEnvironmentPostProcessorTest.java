package dev.apphost.spring.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class AppHostDefaultsEnvironmentPostProcessorTest {

    private static final Predicate<String> EVERYTHING = name -> true;
    private final AppHostDefaultsEnvironmentPostProcessor processor =
            new AppHostDefaultsEnvironmentPostProcessor(new DeferredLogs());

    /** An environment with the variables as the first property source, like the real system environment. */
    private static StandardEnvironment environment(String... pairs) {
        StandardEnvironment environment = new StandardEnvironment();
        MockPropertySource variables = new MockPropertySource("simulatedEnvironment");
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            variables.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
        }
        environment.getPropertySources().addFirst(variables);
        return environment;
    }

    @Test
    void healthProbesWhenActuatorIsPresent() {
        StandardEnvironment environment = environment();
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("true");

        StandardEnvironment withoutActuator = environment();
        processor.apply(withoutActuator, name -> !name.equals(ServiceDefaults.ACTUATOR), false);
        assertThat(withoutActuator.getProperty("management.endpoint.health.probes.enabled")).isNull();
    }

    @Test
    void theApplicationsOwnSettingsWin() {
        StandardEnvironment environment = environment("management.endpoint.health.probes.enabled=false",
                "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318", "management.tracing.sampling.probability=0.2");
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.2");
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://localhost:4318/v1/traces");
    }

    @Test
    void otlpOverHttpProtobuf() {
        StandardEnvironment environment = environment("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:18890/",
                "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf", "OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key=k%3D1",
                "OTEL_SERVICE_NAME=webfrontend", "OTEL_RESOURCE_ATTRIBUTES=service.instance.id=abc123",
                "OTEL_METRIC_EXPORT_INTERVAL=1000", "OTEL_TRACES_SAMPLER=always_on");
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://localhost:18890/v1/traces");
        assertThat(environment.getProperty("management.otlp.tracing.transport")).isEqualTo("http");
        assertThat(environment.getProperty("management.otlp.tracing.headers[x-otlp-api-key]")).isEqualTo("k=1");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("management.otlp.metrics.export.url")).isEqualTo("http://localhost:18890/v1/metrics");
        assertThat(environment.getProperty("management.otlp.metrics.export.step")).isEqualTo("1000ms");
        assertThat(environment.getProperty("management.otlp.metrics.export.headers[x-otlp-api-key]")).isEqualTo("k=1");
        assertThat(environment.getProperty("management.otlp.logging.endpoint")).isEqualTo("http://localhost:18890/v1/logs");
        assertThat(environment.getProperty("management.opentelemetry.resource-attributes[service.name]")).isEqualTo("webfrontend");
        assertThat(environment.getProperty("management.opentelemetry.resource-attributes[service.instance.id]")).isEqualTo("abc123");
    }

    @Test
    void otlpOverGrpcAsTheAspireDashboardDefaults() {
        StandardEnvironment environment = environment("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL=grpc", "OTEL_TRACES_SAMPLER=parentbased_traceidratio",
                "OTEL_TRACES_SAMPLER_ARG=0.25");
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://localhost:4317");
        assertThat(environment.getProperty("management.otlp.tracing.transport")).isEqualTo("grpc");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
        assertThat(environment.getProperty("management.otlp.metrics.export.url"))
                .as("Micrometer's OTLP registry cannot speak gRPC").isNull();
    }

    @Test
    void onlyTheSignalsWhoseLibrariesArePresent() {
        StandardEnvironment environment = environment("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318");
        Set<String> present = Set.of(ServiceDefaults.OTLP_METER_REGISTRY);
        processor.apply(environment, present::contains, false);
        assertThat(environment.getProperty("management.otlp.metrics.export.url")).isEqualTo("http://localhost:4318/v1/metrics");
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(environment.getProperty("management.otlp.logging.endpoint")).isNull();
    }

    @Test
    void nothingWithoutAnEndpoint() {
        StandardEnvironment environment = environment("OTEL_SERVICE_NAME=webfrontend");
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(environment.getProperty("management.opentelemetry.resource-attributes[service.name]")).isNull();
    }

    @Test
    void standsBackWhenTheJavaAgentIsAttached() {
        StandardEnvironment environment = environment("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318");
        processor.apply(environment, EVERYTHING, true);
        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(environment.getProperty("management.otlp.metrics.export.url")).isNull();
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void optOut() {
        StandardEnvironment environment = environment("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318",
                "apphost.otlp.enabled=false", "apphost.health.enabled=false");
        processor.apply(environment, EVERYTHING, false);
        assertThat(environment.getPropertySources().contains(AppHostDefaultsEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }

    @Test
    void agentDetection() {
        assertThat(OpenTelemetryAgent.isAttached(List.of("-Xmx1g", "-javaagent:/opt/opentelemetry-javaagent.jar"), null, false)).isTrue();
        assertThat(OpenTelemetryAgent.isAttached(List.of(), " -javaagent:/x/opentelemetry-javaagent-2.10.jar ", false)).isTrue();
        assertThat(OpenTelemetryAgent.isAttached(List.of(), null, true)).isTrue();
        assertThat(OpenTelemetryAgent.isAttached(List.of("-javaagent:/opt/jacoco.jar"), "-Xss1m", false)).isFalse();
        assertThat(OpenTelemetryAgent.isAttached()).as("no agent in this test JVM").isFalse();
    }
}
