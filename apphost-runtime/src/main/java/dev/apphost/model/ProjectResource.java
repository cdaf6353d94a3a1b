package dev.apphost.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 * @param jvmArgs JVM options from {@code withJvmArgs}, after the defaults ({@code dev.apphost.run.ProjectJvmOptions})
 * @param replicas how many JVMs run it ({@code withReplicas}), behind one proxy per endpoint; 1 = no replicas
 * @param otelAgent whether the run attaches the OpenTelemetry Java agent to its JVM (when telemetry is on)
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs,
        int replicas, boolean otelAgent) implements ComputeResource {

    public ProjectResource {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        ComputeResource.requireReplicas(name, replicas);
    }

    /** A project with the default JVM options only, run as a single JVM with the OpenTelemetry Java agent. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings) {
        this(name, projectPath, settings, List.of(), 1, true);
    }

    /** A project run as a single JVM with the OpenTelemetry Java agent. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs) {
        this(name, projectPath, settings, jvmArgs, 1, true);
    }

    /** A project with the OpenTelemetry Java agent. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs, int replicas) {
        this(name, projectPath, settings, jvmArgs, replicas, true);
    }

    /** A project with the default JVM options only; {@code otelAgent} says whether it gets the agent. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings, boolean otelAgent) {
        this(name, projectPath, settings, List.of(), 1, otelAgent);
    }
}
