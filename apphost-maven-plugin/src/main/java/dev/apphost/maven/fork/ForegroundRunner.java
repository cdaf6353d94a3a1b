package dev.apphost.maven.fork;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a forked JVM in the foreground, like {@code spring-boot:run}: inherits standard input, output
 * and error; a shutdown hook stops the child when Maven is interrupted (Ctrl+C) or terminated,
 * giving it {@code shutdownTimeout} before killing it. Exit codes 130 (SIGINT) and 143 (SIGTERM)
 * count as a normal stop.
 *
 * <p>When Maven itself is stopping (Ctrl+C, SIGTERM), the JVM halts as soon as its shutdown hooks
 * are done, which may be before the build thread has printed the outcome the AppHost's exit decided
 * (for instance {@code BUILD FAILURE} and the resources that failed). The hook therefore waits,
 * at most {@link #REPORT_GRACE}, for the thread that ran the AppHost to reach {@code System.exit} or end.
 */
public final class ForegroundRunner {

    /** Exit codes that mean "stopped on request", not "failed". */
    public static final Set<Integer> STOP_EXIT_CODES = Set.of(0, 130, 143);

    /** How long the shutdown hook waits for Maven to report the build's outcome. */
    static final Duration REPORT_GRACE = Duration.ofSeconds(3);

    private final Duration shutdownTimeout;
    private final Runnable afterExit;

    public ForegroundRunner(Duration shutdownTimeout) {
        this(shutdownTimeout, () -> { });
    }

    /**
     * @param afterExit runs once the child has ended, however (normal exit, failure, killed from the
     *     shutdown hook): removes its throw-away files
     */
    public ForegroundRunner(Duration shutdownTimeout, Runnable afterExit) {
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout == null");
        this.afterExit = Objects.requireNonNull(afterExit, "afterExit == null");
    }

    /** Runs the request to completion and returns its exit code. */
    public int run(JavaForkRequest request) throws IOException, InterruptedException {
        ProcessBuilder builder = request.processBuilder().inheritIO();
        return run(builder);
    }

    int run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            afterExit.run();
            throw e;
        }
        Thread caller = Thread.currentThread();
        Thread hook = new Thread(() -> {
            ProcessTerminator.terminate(process.toHandle(), shutdownTimeout);
            afterExit.run();
            awaitExitOf(caller, REPORT_GRACE);
        }, "apphost-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            ProcessTerminator.terminate(process.toHandle(), shutdownTimeout);
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                if (!process.isAlive()) {
                    afterExit.run();
                }
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or will run; it stops the child and cleans up
            }
        }
    }

    /** Waits until {@code thread} ends or calls {@code System.exit} (its work is done), at most {@code max}. */
    static void awaitExitOf(Thread thread, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (thread.isAlive() && !isExiting(thread) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isExiting(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Shutdown")
                    || frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an exit code means the AppHost ended normally or was stopped on request. */
    public static boolean isNormalExit(int exitCode) {
        return STOP_EXIT_CODES.contains(exitCode);
    }
}
