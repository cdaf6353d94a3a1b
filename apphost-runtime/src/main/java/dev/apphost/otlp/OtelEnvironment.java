package dev.apphost.otlp;

import dev.apphost.plan.Network;
import dev.apphost.run.ProjectLaunchResolver;
import dev.apphost.run.ProjectLaunchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The OpenTelemetry settings of a run: Aspire's {@code OTEL_*} variables for every resource, pointing
 * at the AppHost's {@link OtlpReceiver}, and the OpenTelemetry Java agent for project JVMs.
 *
 * <pre>{@code
 * var otel = new OtelEnvironment(receiver.port(), apiKey, Path.of("opentelemetry-javaagent.jar"));
 * Map<String, String> env = otel.variables("apiservice", Network.HOST);
 * }</pre>
 */
public final class OtelEnvironment {

    /** System property with the path of the agent jar; the Maven plugin sets it. */
    public static final String AGENT_JAR_PROPERTY = "apphost.otelAgentJar";
    /** Configuration key: {@code false} runs no project with the agent. */
    public static final String AGENT_ENABLED_KEY = "AppHost:OtelAgent:Enabled";

    private final int port;
    private final String apiKey;
    private final Path agentJar;
    private final Map<String, String> instanceIds = new ConcurrentHashMap<>();

    /** @param agentJar the agent to attach to project JVMs, or {@code null} for none */
    public OtelEnvironment(int port, String apiKey, Path agentJar) {
        this.port = port;
        this.apiKey = apiKey;
        this.agentJar = agentJar;
    }

    public Path agentJar() {
        return agentJar;
    }

    /** The variables of {@code resource}, as a process on {@code network} reaches the receiver. */
    public Map<String, String> variables(String resource, Network network) {
        return variables(resource, network, instanceId(resource));
    }

    /**
     * The variables of {@code resource} with a given {@code service.instance.id}: a persistent container's
     * is its container name, as in Aspire, so that its environment (and so its configuration hash) is
     * the same at every run.
     */
    public Map<String, String> variables(String resource, Network network, String instanceId) {
        String host = network == Network.CONTAINER ? "host.docker.internal" : "localhost";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + host + ":" + port);
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("OTEL_EXPORTER_OTLP_HEADERS", OtlpReceiver.API_KEY_HEADER + "=" + apiKey);
        env.put("OTEL_SERVICE_NAME", resource);
        env.put("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=" + instanceId);
        env.put("OTEL_BSP_SCHEDULE_DELAY", "1000");
        env.put("OTEL_BLRP_SCHEDULE_DELAY", "1000");
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
        env.put("OTEL_TRACES_SAMPLER", "always_on");
        return env;
    }

    /** {@code <name>-<8 hex>}, fixed for the run. */
    public String instanceId(String resource) {
        return instanceIds.computeIfAbsent(resource, r -> r + "-"
                + java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt()));
    }

    /**
     * {@code inner}, with {@code -javaagent:<jar>} added to the JVM options of every project that did not
     * opt out, while {@code settings} gives an environment with an agent.
     */
    public static ProjectLaunchResolver withAgent(ProjectLaunchResolver inner, Supplier<OtelEnvironment> settings) {
        return project -> {
            ProjectLaunchSpec spec = inner.resolve(project);
            OtelEnvironment otel = settings.get();
            if (otel == null || otel.agentJar == null || !project.otelAgent()) {
                return spec;
            }
            List<String> jvmArgs = new ArrayList<>(spec.jvmArgs());
            jvmArgs.add(0, "-javaagent:" + otel.agentJar.toAbsolutePath());
            return new ProjectLaunchSpec(spec.classpath(), spec.mainClass(), jvmArgs, spec.workingDirectory());
        };
    }
}
