package dev.apphost.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the app of an AppHost class for a JUnit 5 test class and injects it: fields and parameters of
 * type {@link dev.apphost.DistributedApplication} receive it. The app is built with
 * {@link DistributedApplicationTestingBuilder} (allocated ports, no dashboard, secrets of its own), changed
 * first by the class's {@link ConfigureAppHost} methods, started, and awaited until every resource is
 * running and healthy (or finished). It is closed after the class (or after each method, with
 * {@link Lifecycle#PER_METHOD}), leaving nothing behind. When a test fails, the last lines of each
 * resource's output go to the test's report.
 *
 * <pre>{@code
 * @AppHostTest(StarterAppHost.class)
 * class StarterTest {
 *     @Test
 *     void forecastsComeThroughTheCache(DistributedApplication app) throws Exception {
 *         var page = app.createHttpClient("webfrontend").get("/");
 *         assertThat(page.body()).contains("Weather");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AppHostExtension.class)
public @interface AppHostTest {

    /** The AppHost class: its {@code main} describes the app. */
    Class<?> value();

    /** Arguments for the AppHost's {@code main} ({@code --Parameters:password=x}). */
    String[] args() default {};

    /** One app for the whole class (default), or one per test method. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** Whether to wait, before the first test, until every resource is running and healthy (or finished). */
    boolean waitForResources() default true;

    /** How long the start may take, in seconds. */
    long startTimeoutSeconds() default 180;

    /** How many of each resource's last output lines go to the report of a failed test. */
    int logLinesOnFailure() default 100;

    /** How long an app lives. */
    enum Lifecycle {
        PER_CLASS,
        PER_METHOD
    }
}
