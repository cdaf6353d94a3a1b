package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a run's containers need the session network: it is how one container reaches another by
 * resource name, and attaching to it makes every container start slower (the engine sets up its DNS).
 * A container is taken to reach another when its environment or arguments name another container's
 * endpoint or connection string (a reference, an endpoint or connection-string value), or a resource
 * that is not a process of this run (it may stand for a container), or when it has an environment
 * callback (which may write anything).
 *
 * <pre>{@code
 * boolean network = SessionNetworkNeed.containersReachEachOther(model.computeResources());
 * }</pre>
 */
final class SessionNetworkNeed {

    private SessionNetworkNeed() {
    }

    static boolean containersReachEachOther(List<ComputeResource> resources) {
        List<ContainerResource> containers = resources.stream().filter(ContainerResource.class::isInstance)
                .map(ContainerResource.class::cast).toList();
        if (containers.size() < 2) {
            return false;
        }
        Set<String> processes = resources.stream()
                .filter(r -> r instanceof ProjectResource || r instanceof ExecutableResource)
                .map(ComputeResource::name).collect(Collectors.toSet());
        for (ContainerResource container : containers) {
            Mentions mentions = new Mentions(container.name(), processes);
            for (EnvironmentEntry entry : container.settings().environment()) {
                if (entry instanceof EnvironmentEntry.Callback
                        || entry instanceof EnvironmentEntry.Reference r && mentions.other(r.resource())
                        || entry instanceof EnvironmentEntry.Variable v && v.value().accept(mentions)) {
                    return true;
                }
            }
            for (ValueExpression arg : container.settings().args()) {
                if (arg.accept(mentions)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an expression names a resource other than {@code self} that is not a process. */
    private record Mentions(String self, Set<String> processes) implements ValueExpressionVisitor<Boolean> {

        boolean other(String resource) {
            return !resource.equals(self) && !processes.contains(resource);
        }

        @Override
        public Boolean literal(ValueExpression.Literal literal) {
            return false;
        }

        @Override
        public Boolean parameter(ValueExpression.ParameterValue parameter) {
            return false;
        }

        @Override
        public Boolean uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
            return false;
        }

        @Override
        public Boolean connectionString(ValueExpression.ConnectionStringOf connectionString) {
            return other(connectionString.resource());
        }

        @Override
        public Boolean endpoint(ValueExpression.EndpointProperty endpoint) {
            return other(endpoint.resource());
        }

        @Override
        public Boolean concat(ValueExpression.Concat concat) {
            return concat.parts().stream().anyMatch(p -> p.accept(this));
        }
    }
}
