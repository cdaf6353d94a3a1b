package dev.apphost.publish.deploy;

import dev.apphost.model.ComputeResource;
import java.util.List;

/**
 * The lifecycle facts of a resource that the deployment publishers read. They come from
 * {@code withReplicas}, {@code waitForCompletion} and {@code withLifetime}, which the orchestrator
 * adds to the model; until the model carries them each answer is its default, and each is the one
 * line to change once it does (docs/deploy.md, "Lifecycle facts").
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
        return List.of(); // becomes resource.settings().waitForCompletion() (names) once the model has it
    }

    /** {@code waitFor(x)}: the resources this one starts after, once they are healthy. */
    public static List<String> healthyWaits(ComputeResource resource) {
        return resource.settings().waitFor();
    }
}
