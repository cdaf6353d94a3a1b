package dev.apphost;

import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks {@link DistributedApplicationBuilder#build()} makes across resources, so that a model
 * that cannot run fails there, before anything starts, rather than as one resource's failure later.
 */
final class ModelValidation {

    private ModelValidation() {
    }

    static void validate(AppModel model, ExecutionContext context) {
        requireKnownReferences(model);
        if (context.isRunMode()) {
            requireDistinctFixedHostPorts(model);
        }
    }

    /** A {@code withReference(endpoint)} names a resource by name: it must be one of this app's. */
    private static void requireKnownReferences(AppModel model) {
        for (ComputeResource resource : model.computeResources()) {
            for (EnvironmentEntry entry : resource.settings().environment()) {
                if (entry instanceof EnvironmentEntry.Reference reference && model.find(reference.resource()).isEmpty()) {
                    throw new DistributedApplicationException("Resource '" + resource.name() + "' references '"
                            + reference.resource() + "', which is not a resource of this application (was it added to "
                            + "another DistributedApplicationBuilder?). Add '" + reference.resource()
                            + "' to this builder, or remove the reference.");
                }
            }
        }
    }

    /** Two endpoints on one fixed host port: the second could never bind it. */
    private static void requireDistinctFixedHostPorts(AppModel model) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (ComputeResource resource : model.computeResources()) {
            for (Endpoint endpoint : resource.endpoints()) {
                Integer port = resource instanceof ContainerResource ? endpoint.port()
                        : endpoint.targetPort() != null ? endpoint.targetPort() : endpoint.port();
                if (port == null) {
                    continue;
                }
                String owner = "endpoint '" + endpoint.name() + "' of resource '" + resource.name() + "'";
                String previous = owners.putIfAbsent(endpoint.protocol() + "/" + port, owner);
                if (previous != null) {
                    throw new DistributedApplicationException("Host port " + port + " is used by both " + previous
                            + " and " + owner + "; a port can be bound only once. Give one of them another port, or "
                            + "null to have a free one allocated.");
                }
            }
        }
    }
}
