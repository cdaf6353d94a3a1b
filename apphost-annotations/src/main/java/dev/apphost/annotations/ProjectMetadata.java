package dev.apphost.annotations;

/**
 * Describes one module of the Maven reactor. The annotation processor generates one implementation
 * per runnable module, nested in the {@code Projects} class; AppHost code passes its class to
 * {@code builder.addProject(Projects.ApiService.class, "apiservice")}.
 *
 * <p>Implementations have a public no-argument constructor. Generated ones extend
 * {@link GeneratedProjectMetadata}.
 */
public interface ProjectMetadata {

    /**
     * The module's {@code pom.xml}: generated ones are relative to the AppHost module's folder (so the
     * generated code is the same in every checkout); an absolute path is used as it is. The runtime
     * resolves a relative path against the AppHost module ({@code DistributedApplicationBuilder.addProject}).
     */
    String projectPath();

    /** The module's effective groupId. */
    String groupId();

    /** The module's artifactId. */
    String artifactId();

    /** The module's effective version. */
    String version();
}
