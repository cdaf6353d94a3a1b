package dev.apphost.run;

import dev.apphost.model.ProjectResource;

/**
 * Decides the classpath and main class of a project resource: {@link LaunchPlanResolver} from the
 * reactor's launch plan, {@link TargetClassesLaunchResolver} for a module outside any reactor.
 */
@FunctionalInterface
public interface ProjectLaunchResolver {

    /**
     * @throws ResourceStartException when the module is not built or its main class is unknown (the
     *     message lists the candidates and the pom property to set)
     */
    ProjectLaunchSpec resolve(ProjectResource project) throws ResourceStartException;
}
