package dev.apphost.maven.fork;

import dev.apphost.launch.RunOutcome;
import dev.apphost.run.ResourceLogFiles;
import java.util.List;
import java.util.Objects;

/**
 * What the exit of a foreground AppHost means for the build, from its exit code and the failures
 * it recorded in {@link RunOutcome}'s file (the plugin shares the console with the AppHost and
 * cannot see them otherwise):
 *
 * <pre>{@code
 * AppHostExit exit = AppHostExit.of(exitCode, "com.example.AppHost", RunOutcome.read(appHostDirectory));
 * switch (exit.kind()) {
 *     case STOPPED -> { }                                                        // BUILD SUCCESS
 *     case STOPPED_AFTER_FAILURES -> throw new MojoFailureException(exit.message());   // BUILD FAILURE
 *     case FAILED -> throw new MojoExecutionException(exit.message());
 * }
 * }</pre>
 */
public record AppHostExit(Kind kind, String message) {

    /** How the AppHost ended. */
    public enum Kind {
        /** Ended normally or stopped on request (0, 130, 143) with every resource well. */
        STOPPED,
        /** Stopped on request after resources failed or exited unexpectedly ({@link RunOutcome#STOPPED_AFTER_FAILURES}). */
        STOPPED_AFTER_FAILURES,
        /** Any other code: the AppHost itself failed (its {@code main} threw, the JVM could not start...). */
        FAILED
    }

    public AppHostExit {
        Objects.requireNonNull(kind, "kind == null");
    }

    /**
     * @param mainClass the AppHost's main class, for the message
     * @param failures what the AppHost recorded at its last stop ({@link RunOutcome#read})
     */
    public static AppHostExit of(int exitCode, String mainClass, List<RunOutcome.Failure> failures) {
        if (exitCode == RunOutcome.STOPPED_AFTER_FAILURES) {
            String which = failures.isEmpty() ? "one or more resources" : RunOutcome.describe(failures);
            return new AppHostExit(Kind.STOPPED_AFTER_FAILURES, "AppHost " + mainClass
                    + " was stopped after resources failed during the run: " + which + ". Their output is above"
                    + " and in the AppHost module's " + ResourceLogFiles.RELATIVE_DIRECTORY
                    + "/<resource>.log.");
        }
        if (ForegroundRunner.isNormalExit(exitCode)) {
            return new AppHostExit(Kind.STOPPED, null);
        }
        return new AppHostExit(Kind.FAILED, "AppHost " + mainClass + " exited with code " + exitCode
                + "; its output above says why.");
    }
}
