package dev.apphost;

import dev.apphost.model.AppModel;
import dev.apphost.publish.ManifestPublisher;
import dev.apphost.publish.compose.DockerComposePublisher;
import dev.apphost.publish.deploy.DeploymentTarget;
import dev.apphost.publish.kubernetes.HelmChartPublisher;
import dev.apphost.run.Orchestrator;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.Endpoint;
import dev.apphost.model.Resource;
import java.net.URI;
import java.util.List;
import java.nio.file.Path;

/**
 * A built distributed application: run it, or publish its manifest.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     var builder = DistributedApplication.createBuilder(args);
 *     var cache = builder.addRedis("cache");
 *     builder.addProject(Projects.WebFrontend.class, "webfrontend").withReference(cache).waitFor(cache);
 *     builder.build().run();      // Ctrl+C stops everything; --publisher manifest writes the manifest instead
 * }
 * }</pre>
 *
 * In tests, {@link #start()} returns once every resource has started or failed, and
 * {@link #close()} stops everything and leaves nothing behind. Each resource has its own lifecycle:
 *
 * <pre>{@code
 * try (var app = builder.build()) {
 *     app.start();
 *     app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(60));
 *     String cs = app.getConnectionString("cache");
 *     app.resourceCommands().executeCommand("webfrontend", KnownResourceCommands.RESTART);
 *     ResourceSnapshot s = app.resourceSnapshot("webfrontend");      // state(), health(), healthReason()
 * }
 * }</pre>
 */
public final class DistributedApplication implements AutoCloseable {

    private final AppModel model;
    private final DistributedApplicationBuilder builder;
    private Orchestrator orchestrator;
    private dev.apphost.dashboard.DashboardHost dashboard;

    DistributedApplication(AppModel model, DistributedApplicationBuilder builder) {
        this.model = model;
        this.builder = builder;
    }

    /** The entry point: a builder configured from {@code args}, the environment and {@code apphost.properties}. */
    public static DistributedApplicationBuilder createBuilder(String... args) {
        return DistributedApplicationBuilder.create(args);
    }

    /** The frozen model. */
    public AppModel model() {
        return model;
    }

    public ExecutionContext executionContext() {
        return builder.executionContext();
    }

    public Configuration configuration() {
        return builder.configuration();
    }

    public Path appHostDirectory() {
        return builder.appHostDirectory();
    }

    /**
     * Run mode: starts everything, then blocks until Ctrl+C or {@link #stop()}, and stops it all.
     * Publish mode: writes the manifest and returns; nothing is started.
     */
    public void run() {
        if (executionContext().isPublishMode()) {
            publish();
            return;
        }
        Orchestrator o = orchestrator();
        startDashboard(true);
        try {
            o.run();
        } finally {
            closeDashboard();
        }
    }

    /**
     * {@code --publisher docker-compose} writes {@code docker-compose.yaml} and {@code .env},
     * {@code --publisher kubernetes} a Helm chart, into {@code --output-path}; any other publisher
     * name writes Aspire's manifest, as before.
     */
    private void publish() {
        String publisher = executionContext().publisherName();
        if (DeploymentTarget.Kind.DOCKER_COMPOSE.publisherName().equals(publisher)) {
            DockerComposePublisher.publish(model, executionContext(), configuration(), builder.deploymentSettings(),
                    outputDirectory(), System.out);
        } else if (DeploymentTarget.Kind.KUBERNETES.publisherName().equals(publisher)) {
            HelmChartPublisher.publish(model, executionContext(), configuration(), builder.deploymentSettings(),
                    outputDirectory(), System.out);
        } else {
            ManifestPublisher.publish(this);
        }
    }

    private Path outputDirectory() {
        String outputPath = configuration().get(Configuration.OUTPUT_PATH_KEY);
        if (outputPath == null || outputPath.isBlank()) {
            throw new DistributedApplicationException("The '--output-path [path]' option was not specified even though "
                    + "'--publisher " + executionContext().publisherName() + "' argument was used.");
        }
        return Path.of(outputPath).toAbsolutePath().normalize();
    }

    /**
     * Starts every resource but those marked {@code withExplicitStart()}; returns once each has
     * started or failed (or waits on a dependency that is not ready yet). After {@link #stop()} it
     * starts everything again, on the same ports.
     */
    public void start() {
        requireRunMode("start");
        orchestrator();
        startDashboard(false);
        orchestrator.start();
    }

    /**
     * Stops every resource, dependents before their dependencies, within {@code AppHost:ShutdownTimeout}
     * (5 s by default) for the whole stop; what still runs then is killed.
     */
    public void stop() {
        if (orchestrator != null) {
            orchestrator.stop();
        }
        closeDashboard();
    }

    /**
     * The dashboard of this run (its URLs, its telemetry), when one runs: by default under {@link #run()},
     * with {@code --Dashboard:Enabled=true} under {@link #start()}.
     */
    public java.util.Optional<dev.apphost.dashboard.DashboardHost> dashboard() {
        return java.util.Optional.ofNullable(dashboard);
    }

    private synchronized void startDashboard(boolean byDefault) {
        if (dashboard == null && dev.apphost.dashboard.DashboardHost.enabled(configuration(), byDefault)) {
            dashboard = dev.apphost.dashboard.DashboardHost.start(model, configuration(), orchestrator, System.out);
        }
    }

    private synchronized void closeDashboard() {
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
    }

    /** Stops everything and removes what the app created (containers, networks). */
    @Override
    public void close() {
        stop();
    }

    public ResourceNotifications resourceNotifications() {
        requireRunMode("resourceNotifications");
        return orchestrator().notifications();
    }

    /** The URL of {@code resource}'s endpoint, as a process on this machine reaches it. */
    public URI getEndpoint(String resource, String endpoint) {
        requireRunMode("getEndpoint");
        return orchestrator().endpointUrl(resource, endpoint);
    }

    /**
     * An HTTP client for the first {@code http} (else {@code https}) endpoint of {@code resource};
     * relative paths go to it.
     */
    public ResourceHttpClient createHttpClient(String resource) {
        requireRunMode("createHttpClient");
        Resource r = model.get(resource);
        List<Endpoint> endpoints = r instanceof ComputeResource c ? c.endpoints() : List.of();
        Endpoint chosen = endpoints.stream().filter(e -> "http".equals(e.scheme())).findFirst()
                .or(() -> endpoints.stream().filter(e -> "https".equals(e.scheme())).findFirst())
                .orElseThrow(() -> new DistributedApplicationException("Resource '" + r.name()
                        + "' has no http or https endpoint; its endpoints are: "
                        + endpoints.stream().map(Endpoint::name).toList()
                        + ". Name one with createHttpClient(resource, endpointName)."));
        return createHttpClient(r.name(), chosen.name());
    }

    /** An HTTP client for endpoint {@code endpoint} of {@code resource}; relative paths go to it. */
    public ResourceHttpClient createHttpClient(String resource, String endpoint) {
        return new ResourceHttpClient(getEndpoint(resource, endpoint));
    }

    /** The connection string of {@code resource}, as a process on this machine uses it. */
    public String getConnectionString(String resource) {
        requireRunMode("getConnectionString");
        return orchestrator().connectionString(resource);
    }

    /** The output of each resource: the recent lines (the last 1000), with stream and timestamp, and the lines to come. */
    public ResourceLogs resourceLogs() {
        requireRunMode("resourceLogs");
        return orchestrator().logs();
    }

    /** State, health and its reason, exit code, message and URLs of resource {@code name}. */
    public ResourceSnapshot resourceSnapshot(String name) {
        requireRunMode("resourceSnapshot");
        return orchestrator().snapshot(name);
    }

    /**
     * Start, stop and restart resources, and run their custom commands:
     * {@code app.resourceCommands().executeCommand("api", KnownResourceCommands.RESTART)}.
     */
    public ResourceCommands resourceCommands() {
        requireRunMode("resourceCommands");
        return orchestrator();
    }

    UserSecrets userSecrets() {
        return builder.userSecrets();
    }

    private synchronized Orchestrator orchestrator() {
        if (orchestrator == null) {
            orchestrator = new Orchestrator(model, builder.executionContext(), builder.configuration(),
                    builder.appHostDirectory(), builder.userSecrets());
        }
        return orchestrator;
    }

    private void requireRunMode(String operation) {
        if (executionContext().isPublishMode()) {
            throw new DistributedApplicationException(operation + "() is only available in run mode; this AppHost was "
                    + "started with --publisher " + executionContext().publisherName() + ".");
        }
    }
}
