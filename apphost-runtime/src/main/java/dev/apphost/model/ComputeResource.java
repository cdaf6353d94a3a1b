package dev.apphost.model;

import java.util.List;
import java.util.Optional;

/** A resource the orchestrator starts: a project, an executable or a container. */
public sealed interface ComputeResource extends Resource
        permits ProjectResource, ExecutableResource, ContainerResource {

    ComputeSettings settings();

    @Override
    default boolean excludedFromManifest() {
        return settings().excludedFromManifest();
    }

    default List<Endpoint> endpoints() {
        return settings().endpoints();
    }

    default Optional<Endpoint> endpoint(String endpointName) {
        return settings().endpoints().stream().filter(e -> e.name().equals(endpointName)).findFirst();
    }

    /** How many instances run this resource: {@code withReplicas} of a project or executable, else 1. */
    default int replicas() {
        return 1;
    }

    /**
     * Whether connections to {@code endpoint} go through the AppHost's proxy: endpoints marked
     * {@code isProxied(true)}, and every endpoint of a resource with replicas.
     */
    default boolean proxies(Endpoint endpoint) {
        return endpoint.proxied() || replicas() > 1;
    }

    /** Checks a replica count; names the resource and the fix. */
    static void requireReplicas(String resource, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("Resource '" + resource + "': withReplicas(" + replicas
                    + ") is not a valid replica count; use 1 or more.");
        }
    }
}
