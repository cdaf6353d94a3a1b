package dev.apphost.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.model.ComputeSettings;
import dev.apphost.model.ProjectResource;
import dev.apphost.plan.Network;
import dev.apphost.run.ProjectLaunchResolver;
import dev.apphost.run.ProjectLaunchSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtelEnvironmentTest {

    @Test
    void everyResourceGetsAspiresVariablesAndContainersReachTheHost() {
        var otel = new OtelEnvironment(4318, "k3y", null);
        var host = otel.variables("apiservice", Network.HOST);
        assertThat(host).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")
                .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .containsEntry("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=k3y")
                .containsEntry("OTEL_SERVICE_NAME", "apiservice")
                .containsEntry("OTEL_BSP_SCHEDULE_DELAY", "1000").containsEntry("OTEL_BLRP_SCHEDULE_DELAY", "1000")
                .containsEntry("OTEL_METRIC_EXPORT_INTERVAL", "1000").containsEntry("OTEL_TRACES_SAMPLER", "always_on");
        assertThat(host.get("OTEL_RESOURCE_ATTRIBUTES")).matches("service\\.instance\\.id=apiservice-[0-9a-f]{8}");
        assertThat(otel.variables("apiservice", Network.CONTAINER))
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://host.docker.internal:4318")
                .containsEntry("OTEL_RESOURCE_ATTRIBUTES", host.get("OTEL_RESOURCE_ATTRIBUTES"));
    }

    @Test
    void theAgentGoesFirstOnTheJvmOptionsUnlessTheProjectOptsOut() throws Exception {
        ComputeSettings settings = new ComputeSettings(List.of(), List.of(), List.of(), List.of(), null, false);
        ProjectLaunchResolver inner = p -> new ProjectLaunchSpec(List.of(Path.of("classes")), "demo.Main",
                List.of("-Xmx64m"), Path.of("."));
        var otel = new OtelEnvironment(4318, "k", Path.of("/agents/otel.jar"));
        var resolver = OtelEnvironment.withAgent(inner, () -> otel);
        assertThat(resolver.resolve(new ProjectResource("a", Path.of("pom.xml"), settings)).jvmArgs())
                .containsExactly("-javaagent:/agents/otel.jar", "-Xmx64m");
        assertThat(resolver.resolve(new ProjectResource("b", Path.of("pom.xml"), settings, false)).jvmArgs())
                .containsExactly("-Xmx64m");
        assertThat(OtelEnvironment.withAgent(inner, () -> null)
                .resolve(new ProjectResource("a", Path.of("pom.xml"), settings)).jvmArgs()).containsExactly("-Xmx64m");
    }
}
