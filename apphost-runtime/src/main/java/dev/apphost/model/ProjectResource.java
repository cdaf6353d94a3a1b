package dev.apphost.model;

import java.nio.file.Path;

/**
 * A module of the Maven reactor, run as its own JVM.
 *
 * @param projectPath the module's {@code pom.xml}, absolute
 */
public record ProjectResource(String name, Path projectPath, ComputeSettings settings) implements ComputeResource {
}
