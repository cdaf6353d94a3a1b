package dev.apphost.run;

import dev.apphost.model.ProjectResource;

/**
 * Decides the classpath and main class of a project resource. The Maven plugin's launch plan
 * ({@code dev.apphost.launch.LaunchPlan}, passed as system property {@code apphost.launchPlan}) is
 * meant to implement this after merging; {@link TargetClassesLaunchResolver} is the simple
 * stand-in used by tests and IDE runs.
 */
@FunctionalInterface
public interface ProjectLaunchResolver {

    /**
     * @throws ResourceStartException when the module is not built or its main class is unknown (the
     *     message lists the candidates and the pom property to set)
     */
    ProjectLaunchSpec resolve(ProjectResource project) throws ResourceStartException;
}
