package dev.apphost;

import dev.apphost.model.AppModel;
import dev.apphost.publish.ManifestPublisher;
import dev.apphost.run.Orchestrator;
import java.net.URI;
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
 * {@link #close()} stops everything and leaves nothing behind:
 *
 * <pre>{@code
 * try (var app = builder.build()) {
 *     app.start();
 *     app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(60));
 *     String cs = app.getConnectionString("cache");
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
            ManifestPublisher.publish(this);
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

    /** Starts every resource; returns once each has started or failed. */
    public void start() {
        requireRunMode("start");
        orchestrator();
        startDashboard(false);
        orchestrator.start();
    }

    /** Stops every resource, dependents before their dependencies. */
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

    /** The connection string of {@code resource}, as a process on this machine uses it. */
    public String getConnectionString(String resource) {
        requireRunMode("getConnectionString");
        return orchestrator().connectionString(resource);
    }

    /** The recent output of each resource (the last 1000 lines), with stream and timestamp. */
    public dev.apphost.run.ResourceLogs resourceLogs() {
        requireRunMode("resourceLogs");
        return orchestrator();
    }

    /** State, exit code, message, health and URLs of resource {@code name}. */
    public dev.apphost.run.ResourceSnapshot resourceSnapshot(String name) {
        requireRunMode("resourceSnapshot");
        return orchestrator().snapshot(name);
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
