package dev.apphost.model;

import java.nio.file.Path;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 * @param otelAgent whether the run attaches the OpenTelemetry Java agent to its JVM (when telemetry is on)
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings, boolean otelAgent)
        implements ComputeResource {

    /** A project that gets the OpenTelemetry Java agent. */
    public ProjectResource(String name, Path projectPath, ComputeSettings settings) {
        this(name, projectPath, settings, true);
    }
}
