package dev.apphost.run;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.LogFollow;
import dev.apphost.containers.LogStream;
import dev.apphost.containers.StartedContainer;
import dev.apphost.run.ResourceExecutor.LogSink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A started container: its exit is awaited on a daemon thread, its output followed into the log. The
 * engine may still be connecting (a persistent container found running before docker-java was ready):
 * the exit wait and the log follow then begin once it is.
 */
final class RunningContainer implements RunningResource {

    /** How long a stopped container's log follow may take to deliver its last lines. */
    private static final Duration LOG_DRAIN = Duration.ofSeconds(2);

    private final CompletableFuture<ContainerEngine> connecting;
    private final StartedContainer container;
    private volatile LogFollow follow;
    private volatile boolean released;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Kept (stopped or running) when the resource stops, instead of removed. */
    private final boolean persistent;
    /** The session network a persistent container joined; {@code null}: none (a lone container). */
    private final String sessionNetwork;
    private final String note;
    private final LogSink logs;

    /** A container on a connected engine whose output {@code follow} already follows ({@code null}: cannot). */
    RunningContainer(ContainerEngine engine, StartedContainer container, LogFollow follow, boolean persistent,
            String sessionNetwork, String note, LogSink logs) {
        this(CompletableFuture.completedFuture(engine), container, follow, persistent, sessionNetwork, note, logs);
    }

    /** A persistent container reused while the engine connects: its output is followed once it has. */
    static RunningContainer whenConnected(CompletableFuture<ContainerEngine> connecting, StartedContainer container,
            String note, LogSink logs) {
        return new RunningContainer(connecting, container, null, true, null, note, logs);
    }

    private RunningContainer(CompletableFuture<ContainerEngine> connecting, StartedContainer container, LogFollow follow,
            boolean persistent, String sessionNetwork, String note, LogSink logs) {
        this.persistent = persistent;
        this.logs = logs;
        this.connecting = connecting;
        this.container = container;
        this.follow = follow;
        this.sessionNetwork = sessionNetwork;
        this.note = note;
        Thread waiter = new Thread(this::awaitExit, "apphost-wait-" + container.name());
        waiter.setDaemon(true);
        waiter.start();
    }

    private void awaitExit() {
        ContainerEngine engine;
        try {
            engine = connecting.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            logs.line(LogLine.Stream.STDERR, "apphost: cannot watch " + container.name() + ": " + cause.getMessage());
            exit.complete(-1);
            return;
        }
        followOnce(engine);
        int code = exitCode(engine);
        LogFollow follow = this.follow;
        if (follow != null) {
            try {
                follow.awaitCompletion(LOG_DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exit.complete(code);
    }

    /** Starts following the output unless it is followed already or the container was let go. */
    private synchronized void followOnce(ContainerEngine engine) {
        if (follow != null || released) {
            return;
        }
        try {
            follow = engine.followLogs(container.id(), (stream, line) ->
                    logs.line(stream == LogStream.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, line));
        } catch (RuntimeException e) {
            logs.line(LogLine.Stream.STDERR, "apphost: cannot follow the output of " + container.name() + ": " + e);
        }
    }

    private synchronized void closeFollow() {
        released = true;
        if (follow != null) {
            follow.close();
        }
    }

    /** The engine, waiting for it to connect; {@code null} when it could not. */
    private ContainerEngine engine() {
        try {
            return connecting.join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int exitCode(ContainerEngine engine) {
        while (true) {
            try {
                var code = engine.waitForExit(container.id(), Duration.ofMinutes(10));
                if (code.isPresent()) {
                    return code.getAsInt();
                }
            } catch (RuntimeException e) {
                try {
                    var status = engine.status(container.id());
                    if (!status.running()) {
                        return status.exitCode();
                    }
                    Thread.sleep(1000);
                } catch (RuntimeException gone) {
                    return -1; // removed, or the engine is gone
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void stop(Duration grace) {
        ContainerEngine engine = engine();
        if (engine == null) {
            closeFollow();
            exit.complete(-1);
            return;
        }
        try {
            engine.stop(container.id(), grace);
            exit.get(LOG_DRAIN.toMillis() + 3000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // removed below anyway; the exit is reported by the waiter
        } finally {
            try {
                if (!persistent) {
                    engine.remove(container.id());
                } else if (sessionNetwork != null) {
                    engine.disconnectNetwork(sessionNetwork, container.id()); // kept, stopped, for the next start
                }
            } catch (RuntimeException e) {
                System.err.println("apphost: could not remove container " + container.name() + ": "
                        + e.getMessage());
            }
            closeFollow();
            exit.complete(137);
        }
    }

    /** A persistent container is left running, out of the session network, for the next run. */
    @Override
    public void release(Duration grace) {
        if (!persistent) {
            stop(grace);
            return;
        }
        try {
            if (sessionNetwork != null) {
                engine().disconnectNetwork(sessionNetwork, container.id());
            }
        } catch (RuntimeException e) {
            System.err.println("apphost: could not disconnect persistent container " + container.name()
                    + " from the session network: " + e.getMessage());
        }
        closeFollow();
        logs.line(LogLine.Stream.STDOUT, "apphost: persistent container " + container.name()
                + " keeps running for the next run (remove it with: docker rm -f " + container.name() + ")");
        exit.complete(0);
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return container.name();
    }
}
