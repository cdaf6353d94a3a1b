package dev.apphost;

import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.nio.file.Path;
import java.util.List;

/**
 * A module of the Maven reactor, run as its own JVM. It comes with an {@code http} endpoint whose
 * port the JVM receives as {@code PORT}, {@code SERVER_PORT} (Spring Boot), {@code QUARKUS_HTTP_PORT}
 * and {@code MICRONAUT_SERVER_PORT}, and, in run mode, {@code OTEL_SERVICE_NAME}.
 *
 * <pre>{@code
 * var api = builder.addProject(Projects.ApiService.class, "apiservice").withHttpHealthCheck("/health");
 * }</pre>
 */
public final class ProjectResourceBuilder extends ComputeResourceBuilder<ProjectResourceBuilder> {

    /** The variables that carry the default http endpoint's port, one per popular framework. */
    public static final List<String> PORT_VARIABLES =
            List.of("PORT", "SERVER_PORT", "QUARKUS_HTTP_PORT", "MICRONAUT_SERVER_PORT");

    private final Path projectPath;
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

    /** The module's {@code pom.xml}. */
    public Path projectPath() {
        return projectPath;
    }

    @Override
    public ProjectResource resource() {
        return new ProjectResource(name(), projectPath, settings(), otelAgent);
    }
}
