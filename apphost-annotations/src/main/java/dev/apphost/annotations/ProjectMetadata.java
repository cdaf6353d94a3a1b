package dev.apphost.annotations;

/**
 * Describes one module of the Maven reactor. The annotation processor generates one implementation
 * per runnable module, nested in the {@code Projects} class; AppHost code passes its class to
 * {@code builder.addProject(Projects.ApiService.class, "apiservice")}.
 *
 * <p>Implementations have a public no-argument constructor.
 */
public interface ProjectMetadata {

    /** The module's {@code pom.xml}, as an absolute path. */
    String projectPath();

    /** The module's effective groupId. */
    String groupId();

    /** The module's artifactId. */
    String artifactId();

    /** The module's effective version. */
    String version();
}
