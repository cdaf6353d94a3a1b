package dev.apphost.model;

import java.util.List;

/**
 * What every startable resource has: endpoints, environment, arguments, waits and a health check.
 *
 * @param waitFor names of the resources this one waits for, in call order
 * @param healthCheck {@code null} when the resource is healthy as soon as it runs
 */
public record ComputeSettings(
        List<Endpoint> endpoints,
        List<EnvironmentEntry> environment,
        List<ValueExpression> args,
        List<String> waitFor,
        HealthCheck healthCheck,
        boolean excludedFromManifest) {

    public ComputeSettings {
        endpoints = List.copyOf(endpoints);
        environment = List.copyOf(environment);
        args = List.copyOf(args);
        waitFor = List.copyOf(waitFor);
    }
}
