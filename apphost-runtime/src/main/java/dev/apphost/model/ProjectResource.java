package dev.apphost.model;

import java.nio.file.Path;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 * @param replicas how many JVMs run it ({@code withReplicas}), behind one proxy per endpoint; 1 = no replicas
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings, int replicas)
        implements ComputeResource {

    public ProjectResource {
        ComputeResource.requireReplicas(name, replicas);
    }

    /** A project run as a single JVM. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings) {
        this(name, projectPath, settings, 1);
    }
}
