package dev.apphost.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 * @param jvmArgs JVM options from {@code withJvmArgs}, after the defaults ({@code dev.apphost.run.ProjectJvmOptions})
 * @param replicas how many JVMs run it ({@code withReplicas}), behind one proxy per endpoint; 1 = no replicas
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs,
        int replicas) implements ComputeResource {

    public ProjectResource {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        ComputeResource.requireReplicas(name, replicas);
    }

    /** A project with the default JVM options only, run as a single JVM. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings) {
        this(name, projectPath, settings, List.of(), 1);
    }

    /** A project run as a single JVM. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs) {
        this(name, projectPath, settings, jvmArgs, 1);
    }
}
