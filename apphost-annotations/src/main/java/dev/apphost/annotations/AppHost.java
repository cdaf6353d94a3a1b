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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AppHost {
}
