package dev.apphost;

import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A module of the Maven reactor, run as its own JVM. It comes with an {@code http} endpoint whose
 * port the JVM receives as {@code PORT}, {@code SERVER_PORT} (Spring Boot), {@code QUARKUS_HTTP_PORT}
 * and {@code MICRONAUT_SERVER_PORT}, and, in run mode, {@code OTEL_SERVICE_NAME}.
 *
 * <p><b>Which interfaces it listens on.</b> By default the JVM's framework decides, which for
 * Spring Boot, Quarkus (outside dev mode) and Micronaut means every interface: the service is open
 * to the network the machine is on. With the configuration key {@value #BIND_TO_LOOPBACK_KEY}
 * {@code = true} ({@code apphost.properties}, {@code --AppHost:ProjectsBindToLoopback=true} or
 * {@code AppHost__ProjectsBindToLoopback=true}), a project whose endpoints are not external gets
 * {@code SERVER_ADDRESS}, {@code QUARKUS_HTTP_HOST} and {@code MICRONAUT_SERVER_HOST} =
 * {@code 127.0.0.1} in run mode, as Aspire binds projects to localhost. It is not the default
 * because a loopback bind cannot be reached from containers (they call the host through the
 * engine's bridge address) and breaks registries such as Eureka that advertise the host name.
 * A variable set explicitly with {@code withEnvironment} wins.
 *
 * <pre>{@code
 * var api = builder.addProject(Projects.ApiService.class, "apiservice").withHttpHealthCheck("/health");
 * }</pre>
 */
public final class ProjectResourceBuilder extends ComputeResourceBuilder<ProjectResourceBuilder> {

    /** The variables that carry the default http endpoint's port, one per popular framework. */
    public static final List<String> PORT_VARIABLES =
            List.of("PORT", "SERVER_PORT", "QUARKUS_HTTP_PORT", "MICRONAUT_SERVER_PORT");

    /** Configuration key: {@code true} binds projects without external endpoints to loopback in run mode. */
    public static final String BIND_TO_LOOPBACK_KEY = "AppHost:ProjectsBindToLoopback";

    /** The variables that carry the bind address, one per popular framework. */
    public static final List<String> BIND_ADDRESS_VARIABLES =
            List.of("SERVER_ADDRESS", "QUARKUS_HTTP_HOST", "MICRONAUT_SERVER_HOST");

    private final Path projectPath;
    private int replicas = 1;
    private final List<String> jvmArgs = new ArrayList<>();
    private boolean otelAgent = true;

    ProjectResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, Path projectPath) {
        this(applicationBuilder, name, projectPath, true);
    }

    /**
     * @param defaultHttpEndpoint {@code false} leaves out the {@code http} endpoint and its port
     *     variables, like .NET's {@code AddProject(..., launchProfileName: null)}
     */
    ProjectResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, Path projectPath,
            boolean defaultHttpEndpoint) {
        super(applicationBuilder, name);
        this.projectPath = projectPath;
        if (defaultHttpEndpoint) {
            withHttpEndpoint();
            for (String variable : PORT_VARIABLES) {
                addEnvironment(new EnvironmentEntry.Variable(variable,
                        new EndpointProperty(name, "http", Property.TARGET_PORT)));
            }
        }
        addEnvironment(new EnvironmentEntry.Callback(context -> {
            if (context.executionContext().isRunMode()) {
                context.environmentVariables().put("OTEL_SERVICE_NAME", ValueExpression.literal(name));
                if (bindsToLoopback()) {
                    BIND_ADDRESS_VARIABLES.forEach(variable ->
                            context.environmentVariables().put(variable, ValueExpression.literal("127.0.0.1")));
                }
            }
        }));
    }

    /**
     * Runs this project's JVM without the OpenTelemetry Java agent the run attaches by default (its
     * {@code OTEL_*} variables stay, for an SDK the project brings itself).
     *
     * <pre>{@code
     * builder.addProject(Projects.Worker.class, "worker").withoutOtelAgent();
     * }</pre>
     */
    public ProjectResourceBuilder withoutOtelAgent() {
        otelAgent = false;
        return this;
    }

    private boolean bindsToLoopback() {
        String configured = applicationBuilder().configuration().get(BIND_TO_LOOPBACK_KEY);
        return configured != null && Boolean.parseBoolean(configured.trim())
                && settings().endpoints().stream().noneMatch(dev.apphost.model.Endpoint::external);
    }

    /**
     * A Spring property under its exact name, passed as the command-line argument {@code --key=value}:
     * Spring Boot's command-line property source binds it as written and ranks above the environment and
     * {@code application.properties}. That is what an environment variable cannot do for keys such as
     * {@code eureka.client.serviceUrl.defaultZone} (relaxed binding lower-cases a map key). Needs the
     * usual {@code SpringApplication.run(App.class, args)}.
     *
     * <pre>{@code
     * builder.addProject(Projects.Gateway.class, "gateway")
     *        .withSpringProperty("spring.application.name", "gateway")
     *        .withSpringProperty("eureka.client.serviceUrl.defaultZone",
     *                ReferenceExpression.of(registry.getEndpoint("http"), "/eureka/"));
     * }</pre>
     */
    public ProjectResourceBuilder withSpringProperty(String key, String value) {
        return withSpringProperty(key, ValueExpression.literal(Objects.requireNonNull(value, "value")));
    }

    /**
     * As {@link #withSpringProperty(String, String)} with a deferred value: a parameter, an endpoint, a
     * connection string or a {@link ReferenceExpression}, resolved at run time and written as a
     * placeholder in the manifest's {@code args}.
     */
    public ProjectResourceBuilder withSpringProperty(String key, ValueSource value) {
        return withSpringProperty(key, Objects.requireNonNull(value, "value").valueExpression());
    }

    private ProjectResourceBuilder withSpringProperty(String key, ValueExpression value) {
        if (key == null || key.isBlank() || key.startsWith("-") || key.contains("=") || !key.strip().equals(key)) {
            throw invalid("key", "Spring property key '" + key
                    + "' is not usable as --key=value; use the property's name, e.g. 'server.servlet.context-path'.");
        }
        return withArgs(ReferenceExpression.of(ValueExpression.literal("--" + key + "="), value));
    }

    /**
     * JVM options for this project's JVM, after apphost's defaults for many JVMs on one machine
     * ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAMPercentage=10}); yours win:
     *
     * <pre>{@code
     * builder.addProject(Projects.Search.class, "search").withJvmArgs("-Xmx1g", "-XX:TieredStopAtLevel=4");
     * }</pre>
     */
    public ProjectResourceBuilder withJvmArgs(String... options) {
        for (String option : options) {
            if (option == null || option.isBlank() || !option.startsWith("-")) {
                throw invalid("options", "JVM option '" + option
                        + "' is not an option; JVM options start with '-', e.g. \"-Xmx512m\". Program arguments go"
                        + " to withArgs(...).");
            }
            jvmArgs.add(option);
        }
        return this;
    }

    /** The module's {@code pom.xml}. */
    public Path projectPath() {
        return projectPath;
    }

    /**
     * Runs {@code count} JVMs of this resource. Each endpoint keeps one host port, where a TCP proxy
     * in the AppHost spreads connections round-robin over the replicas; each replica listens on a port
     * of its own, which it receives through its port variables. The resource is {@code Running} once all
     * replicas run; their log lines start with {@code [<name>-<index>]}.
     *
     * <pre>{@code
     * builder.addProject(...).withReplicas(2);
     * }</pre>
     */
    public ProjectResourceBuilder withReplicas(int count) {
        replicas = validReplicas(count);
        return this;
    }

    @Override
    public ProjectResource resource() {
        return new ProjectResource(name(), projectPath, settings(), jvmArgs, replicas, otelAgent);
    }
}
