package dev.apphost.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 * @param jvmArgs JVM options from {@code withJvmArgs}, after the defaults ({@code dev.apphost.run.ProjectJvmOptions})
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings, List<String> jvmArgs)
        implements ComputeResource {

    public ProjectResource {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** A project with the default JVM options only. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings) {
        this(name, projectPath, settings, List.of());
    }
}
