package dev.apphost.publish.deploy;

import dev.apphost.model.HealthCheck;
import dev.apphost.model.ResourceWait;

import dev.apphost.model.ComputeResource;
import java.util.List;

/**
 * The lifecycle facts of a resource that the deployment publishers read. They come from
 * {@code withReplicas}, {@code waitForCompletion} and {@code withLifetime}, which the orchestrator
 * adds to the model.
 */
public final class Workloads {

    private Workloads() {
    }

    /** {@code withReplicas(n)}: the number of copies to run. */
    public static int replicas(ComputeResource resource) {
        return 1; // becomes resource.settings().replicas() once the model has withReplicas
    }

    /** {@code waitForCompletion(x)}: the resources this one starts after, once they exited successfully. */
    public static List<String> completionWaits(ComputeResource resource) {
        return waits(resource, ResourceWait.Kind.COMPLETION);
    }

    /** {@code waitFor(x)}: the resources this one starts after, once they are healthy. */
    public static List<String> healthyWaits(ComputeResource resource) {
        return waits(resource, ResourceWait.Kind.READY);
    }

    /** {@code waitForStart(x)}: the resources this one starts after, once they run (healthy or not). */
    public static List<String> startWaits(ComputeResource resource) {
        return waits(resource, ResourceWait.Kind.START);
    }

    /**
     * The health check a deployment can express (the first HTTP or Redis PING check), or {@code null}:
     * a custom check is Java code in the AppHost and does not travel.
     */
    public static HealthCheck deployableHealthCheck(ComputeResource resource) {
        return resource.settings().healthChecks().stream()
                .filter(c -> c instanceof HealthCheck.Http || c instanceof HealthCheck.RedisPing)
                .findFirst().orElse(null);
    }

    private static List<String> waits(ComputeResource resource, ResourceWait.Kind kind) {
        return resource.settings().waits().stream().filter(w -> w.kind() == kind).map(ResourceWait::resource).toList();
    }
}
