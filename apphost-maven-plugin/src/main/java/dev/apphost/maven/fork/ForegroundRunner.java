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
 */
public final class ForegroundRunner {

    /** Exit codes that mean "stopped on request", not "failed". */
    public static final Set<Integer> STOP_EXIT_CODES = Set.of(0, 130, 143);

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
        Thread hook = new Thread(() -> {
            ProcessTerminator.terminate(process.toHandle(), shutdownTimeout);
            afterExit.run();
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

    /** Whether an exit code means the AppHost ended normally or was stopped on request. */
    public static boolean isNormalExit(int exitCode) {
        return STOP_EXIT_CODES.contains(exitCode);
    }
}
