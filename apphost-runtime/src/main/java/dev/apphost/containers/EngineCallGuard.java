package dev.apphost.containers;

import com.github.dockerjava.api.exception.DockerException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each engine call on a daemon thread and waits at most a deadline for it. docker-java's own
 * timeouts do not act on unix sockets (JDK {@code SocketChannel} streams ignore SO_TIMEOUT), so a
 * hung daemon would block the caller forever; here the caller gets a
 * {@link ContainerEngineTimeoutException} and the stuck thread is abandoned (daemon: it cannot
 * keep the JVM alive). Also turns docker-java's exceptions into {@link ContainerEngineException}.
 */
final class EngineCallGuard implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String engineHost;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "apphost-engine-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    EngineCallGuard(String engineHost) {
        this.engineHost = engineHost;
    }

    <T> T call(String operation, Duration timeout, Callable<T> call) {
        Future<T> future = executor.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ContainerEngineTimeoutException(operation, engineHost, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ContainerEngineException("Interrupted while waiting for '" + operation + "'", e);
        } catch (ExecutionException e) {
            throw translate(operation, e.getCause());
        }
    }

    void run(String operation, Duration timeout, Runnable call) {
        call(operation, timeout, () -> {
            call.run();
            return null;
        });
    }

    /** Submits a task on the guard's threads without waiting (used for parallel removal). */
    <T> Future<T> submit(Callable<T> call) {
        return executor.submit(call);
    }

    private RuntimeException translate(String operation, Throwable cause) {
        if (cause instanceof ContainerEngineException) {
            return (ContainerEngineException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        if (cause instanceof DockerException) {
            return new ContainerEngineException("Container engine at " + engineHost + " failed '" + operation + "': "
                    + engineMessage(cause), cause);
        }
        return new ContainerEngineException("Container engine at " + engineHost + " failed '" + operation + "': "
                + rootMessage(cause), cause);
    }

    /**
     * The daemon's own text from a docker-java exception ("Status 500: {"message":"..."}" → the
     * message), decoded as JSON so that escaped quotes inside it ({@code Get \"https://...\"})
     * do not cut it short.
     */
    static String engineMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int brace = message.indexOf("{\"message\"");
        if (brace < 0) {
            brace = message.indexOf('{');
        }
        if (brace >= 0) {
            try {
                com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(message.substring(brace));
                if (json != null && json.hasNonNull("message")) {
                    return json.get("message").asText().trim();
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // fall through: the text as it came
            }
        }
        return message.trim();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
