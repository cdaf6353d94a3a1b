package dev.apphost.model;

import java.util.List;

/**
 * What every startable resource has: endpoints, environment, arguments, waits, health checks and
 * its lifecycle options.
 *
 * @param waits the resources this one waits for, in call order
 * @param healthChecks empty when the resource is healthy as soon as it runs
 * @param explicitStart whether it stays {@code NotStarted} until the {@code resource-start} command
 * @param commands its custom commands, in call order
 */
public record ComputeSettings(
        List<Endpoint> endpoints,
        List<EnvironmentEntry> environment,
        List<ValueExpression> args,
        List<ResourceWait> waits,
        List<HealthCheck> healthChecks,
        boolean excludedFromManifest,
        boolean explicitStart,
        List<ResourceCommandSpec> commands) {

    public ComputeSettings {
        endpoints = List.copyOf(endpoints);
        environment = List.copyOf(environment);
        args = List.copyOf(args);
        waits = List.copyOf(waits);
        healthChecks = List.copyOf(healthChecks);
        commands = List.copyOf(commands);
    }

    /** The settings before lifecycle options existed: {@code waitFor} waits, at most one health check. */
    public ComputeSettings(List<Endpoint> endpoints, List<EnvironmentEntry> environment, List<ValueExpression> args,
            List<String> waitFor, HealthCheck healthCheck, boolean excludedFromManifest) {
        this(endpoints, environment, args,
                waitFor.stream().map(n -> new ResourceWait(n, ResourceWait.Kind.READY, 0)).toList(),
                healthCheck == null ? List.of() : List.of(healthCheck), excludedFromManifest, false, List.of());
    }

    /** The names of the resources this one waits for, whatever the kind of wait. */
    public List<String> waitFor() {
        return waits.stream().map(ResourceWait::resource).distinct().toList();
    }
}
