package dev.apphost.maven.fork;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process the polite way first: SIGTERM ({@link ProcessHandle#destroy()}), a grace period
 * for its shutdown hooks, then SIGKILL for it and whatever it left behind.
 */
public final class ProcessTerminator {

    private ProcessTerminator() {
    }

    /**
     * Stops {@code process} and its descendants.
     *
     * @return {@code true} if it ended within the grace period, {@code false} if it had to be killed
     */
    public static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        java.util.List<ProcessHandle> descendants = process.descendants().collect(java.util.stream.Collectors.toList());
        process.destroy();
        boolean graceful = awaitExit(process, grace);
        if (!graceful) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return graceful;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
