package dev.apphost.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link AppHostTest} class that changes the model before the app is built. It
 * takes one {@link DistributedApplicationTestingBuilder}; it is {@code static} for a per-class app.
 *
 * <pre>{@code
 * @ConfigureAppHost
 * static void stubTheApi(DistributedApplicationTestingBuilder appHost) {
 *     appHost.removeResource("apiservice");
 *     appHost.addContainer("apiservice", "local/httpd:1").withHttpEndpoint(null, 80, "http");
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConfigureAppHost {
}
