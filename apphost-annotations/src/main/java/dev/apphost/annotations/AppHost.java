package dev.apphost.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the main class of an AppHost: the program that describes a distributed application.
 *
 * <p>With {@code apphost-processor} on the compiler's {@code annotationProcessorPaths}, compiling a
 * class annotated with {@code @AppHost} generates a {@code Projects} class in the same package, with
 * one nested type per runnable module of the Maven reactor:
 *
 * <pre>{@code
 * @AppHost
 * public class AppHostMain {
 *     public static void main(String[] args) {
 *         var builder = DistributedApplication.createBuilder(args);
 *         var api = builder.addProject(Projects.ApiService.class, "apiservice");
 *         builder.addProject(Projects.WebFrontend.class, "webfrontend").withReference(api);
 *         builder.build().run();
 *     }
 * }
 * }</pre>
 *
 * <p>A runnable module is one with {@code jar} (the default) or {@code war} packaging, found by
 * following {@code <modules>} from the reactor root; the AppHost's own module is never one. Each
 * nested type is named after the module's artifactId in PascalCase ({@code web-frontend} becomes
 * {@code WebFrontend}), unless the module's own pom sets the property {@code apphost.projectName}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AppHost {

    /**
     * ArtifactIds of reactor modules to leave out of the generated {@code Projects} class, for
     * example libraries with jar packaging that are not services. An artifactId that names no
     * runnable module of the reactor is reported as a warning.
     *
     * @return the artifactIds to leave out; none by default
     */
    String[] exclude() default {};
}
