package dev.apphost.internal;

import dev.apphost.DistributedApplicationBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * Internal, not API: runs an AppHost class's {@code main} until it calls
 * {@link DistributedApplicationBuilder#build()} and hands back that builder, so a test harness can
 * change the model before anything starts. {@code apphost-testing} is its only intended caller.
 *
 * <p>While a capture runs on a thread, {@code DistributedApplication.createBuilder} on that thread
 * takes its user secrets from {@link Options#secretsDirectory()} (so tests never read or write the
 * developer's store), and {@code build()} ends {@code main} by throwing {@link Captured} — an
 * {@link Error}, so that an AppHost's own {@code catch (Exception e)} does not swallow it.
 */
public final class AppHostCapture {

    /**
     * How the captured builder is made.
     *
     * @param secretsDirectory where this app's user secrets live, or {@code null} for the usual store
     */
    public record Options(Path secretsDirectory) {
    }

    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();

    private AppHostCapture() {
    }

    /**
     * Calls {@code appHostClass.main(args)} and returns the builder on which it called {@code build()}.
     *
     * @throws AppHostCaptureException when the class has no {@code public static void main(String[])},
     *         when {@code main} fails before {@code build()}, or returns without calling it
     */
    public static DistributedApplicationBuilder capture(Class<?> appHostClass, String[] args, Options options) {
        Method main;
        try {
            main = appHostClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new AppHostCaptureException(appHostClass.getName() + " has no public static void main(String[] args); "
                    + "pass the AppHost class whose main builds the app.");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new AppHostCaptureException(appHostClass.getName() + ".main(String[]) must be static.");
        }
        Capture capture = new Capture(options);
        Capture previous = CURRENT.get();
        CURRENT.set(capture);
        try {
            main.invoke(null, (Object) args.clone());
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof Captured)) {
                throw new AppHostCaptureException(appHostClass.getName() + ".main failed before it called build(): "
                        + e.getCause(), e.getCause());
            }
        } catch (IllegalAccessException e) {
            throw new AppHostCaptureException(appHostClass.getName() + ".main cannot be called: " + e.getMessage(), e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
        if (capture.builder == null) {
            throw new AppHostCaptureException(appHostClass.getName() + ".main returned without calling build() on "
                    + "the builder from DistributedApplication.createBuilder(args).");
        }
        return capture.builder;
    }

    /** The secrets folder of the capture running on this thread, or {@code null}. */
    public static Path secretsDirectory() {
        Capture capture = CURRENT.get();
        return capture == null || capture.options == null ? null : capture.options.secretsDirectory();
    }

    /**
     * Called by {@code build()}: under a capture, records {@code builder} and ends {@code main} by
     * throwing {@link Captured}; otherwise does nothing.
     */
    public static void onBuild(DistributedApplicationBuilder builder) {
        Capture capture = CURRENT.get();
        if (capture != null && capture.builder == null) {
            capture.builder = builder;
            throw new Captured();
        }
    }

    private static final class Capture {
        final Options options;
        DistributedApplicationBuilder builder;

        Capture(Options options) {
            this.options = options;
        }
    }

    /** Unwinds the AppHost's {@code main} once its model is captured. */
    public static final class Captured extends Error {
        private static final long serialVersionUID = 1L;

        Captured() {
            super("The AppHost's model was captured by a test harness; main stops at build().", null, false, false);
        }
    }
}
