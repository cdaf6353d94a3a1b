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
}
