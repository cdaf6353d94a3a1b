package dev.apphost.run;

import static dev.apphost.KnownResourceStates.EXITED;
import static dev.apphost.KnownResourceStates.FAILED_TO_START;
import static dev.apphost.KnownResourceStates.FINISHED;
import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;
import static dev.apphost.KnownResourceStates.STARTING;
import static dev.apphost.KnownResourceStates.STOPPING;
import static dev.apphost.KnownResourceStates.WAITING;

import dev.apphost.ResourceSnapshot;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ResourceWait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state machine of one compute resource ({@link ResourceStates}), in the spirit of Aspire's DCP
 * reconcilers: every method runs on the {@link EventLoop}, reacts to one event (a start or stop
 * request, a dependency that changed, the executor's answer, an exit, a health result) and moves
 * the state; blocking work goes to the workers and comes back as another event. Each start opens a
 * new {@link #generation()}, so answers about an earlier run of the resource are ignored.
 */
final class ResourceController {

    /** What a controller needs from the run it belongs to. */
    interface Host {
        EventLoop loop();

        java.util.concurrent.Executor workers();

        /** The controller of {@code name}, or {@code null} when it is no compute resource (a parameter). */
        ResourceController controller(String name);

        /** Starts the resource; runs on a worker. */
        RunningResource launch(ResourceController c) throws ResourceStartException;

        /** Its health checks, resolved against its endpoints; throws IllegalArgumentException when one cannot be. */
        List<dev.apphost.HealthCheck> healthChecks(ResourceController c);

        /** Called after every change, with the state before it. */
        void changed(ResourceController c, String previousState);

        /** The message of an unrequested non-zero exit (with the last lines of output). */
        String exitMessage(ResourceController c, int exitCode);

        default void watch(RunningResource running) {
        }

        default void release(RunningResource running) {
        }
    }

    /** Where the waits of a resource stand. */
    record WaitCheck(String failure, List<ResourceWait> pending) {
        boolean satisfied() {
            return failure == null && pending.isEmpty();
        }
    }

    final ComputeResource resource;
    final String name;
    private final String type;
    private final List<String> urls;
    private final Host host;

    private String state = NOT_STARTED;
    private Integer exitCode;
    private String message;
    private String health;
    private String healthReason;
    private Long pid;
    private Instant startedAt;
    private final Set<String> unavailable = new LinkedHashSet<>();
    private int generation;
    private RunningResource running;
    private HealthMonitor monitor;
    private boolean stopRequested;
    private boolean startAfterStop;
    private boolean wasRunning;
    /** Asked to start and still waiting for its dependencies (NotStarted or terminal until the first check, then Waiting). */
    private boolean starting;
    private Duration stopGrace = Duration.ZERO;
    /** A stop is running on a worker: an exit seen meanwhile waits for it (descendants may still be dying). */
    private boolean stopInFlight;
    private Integer exitWhileStopping;

    ResourceController(ComputeResource resource, String type, List<String> urls, Host host) {
        this.resource = resource;
        this.name = resource.name();
        this.type = type;
        this.urls = List.copyOf(urls);
        this.host = host;
    }

    String state() {
        return state;
    }

    String health() {
        return health;
    }

    String healthReason() {
        return healthReason;
    }

    Integer exitCode() {
        return exitCode;
    }

    int generation() {
        return generation;
    }

    /** Whether the last stop was asked for (a stop command, the app stopping) rather than an exit of its own. */
    boolean stoppedOnRequest() {
        return stopRequested;
    }

    /** Whether it ran during its current generation. */
    boolean wasRunning() {
        return wasRunning;
    }

    /** Whether it is being restarted: stopped now, started again as soon as it has ended. */
    boolean restarting() {
        return startAfterStop;
    }

    boolean explicitStart() {
        return resource.settings().explicitStart();
    }

    List<ResourceWait> waits() {
        return resource.settings().waits();
    }

    ResourceSnapshot snapshot() {
        return new ResourceSnapshot(name, type, state, exitCode, message, health, healthReason, urls, pid, startedAt,
                List.copyOf(unavailable));
    }

    // ---- requests ----

    /** Start: from NotStarted or a terminal state; waits for dependencies first. A stopping resource starts once stopped. */
    void start() {
        if (STOPPING.equals(state)) {
            startAfterStop = true;
            return;
        }
        if (!ResourceStates.isIdle(state)) {
            return;
        }
        generation++;
        stopRequested = false;
        wasRunning = false;
        exitCode = null;
        message = null;
        health = null;
        healthReason = null;
        pid = null;
        unavailable.clear();
        starting = true;
        dependencyChanged();
    }

    /** Stop: a waiting resource goes back to NotStarted; a running one gets SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        startAfterStop = false;
        starting = false;
        stopGrace = grace;
        switch (state) {
            case WAITING -> move(NOT_STARTED, null);
            case STARTING -> stopRequested = true;
            case RUNNING -> {
                stopRequested = true;
                move(STOPPING, null);
                terminate();
            }
            default -> {
                // not running: nothing to stop
            }
        }
    }

    /** Restart: stop, then start again (same host ports, environment resolved again); a stopped resource just starts. */
    void restart(Duration grace) {
        if (RUNNING.equals(state) || STARTING.equals(state) || STOPPING.equals(state)) {
            stop(grace);
            startAfterStop = true;
        } else if (!WAITING.equals(state)) {
            start();
        }
    }

    /** A resource it waits for changed: while waiting (or being started), start, keep waiting or fail. */
    void dependencyChanged() {
        if (!starting) {
            return;
        }
        WaitCheck check = checkWaits();
        if (check.failure() != null) {
            starting = false;
            move(FAILED_TO_START, check.failure());
        } else if (check.pending().isEmpty()) {
            starting = false;
            launch();
        } else if (!WAITING.equals(state)) {
            move(WAITING, null);
        }
    }

    /** Where each of its waits stands, with Aspire's message for the first that can no longer be met. */
    WaitCheck checkWaits() {
        List<ResourceWait> pending = new ArrayList<>();
        for (ResourceWait w : waits()) {
            ResourceController d = host.controller(w.resource());
            if (d == null) {
                continue; // parameters and connection strings have no lifetime
            }
            String failure = d.waitFailure(w);
            if (failure != null) {
                return new WaitCheck(failure, List.of(w));
            }
            if (!d.satisfies(w)) {
                pending.add(w);
            }
        }
        return new WaitCheck(null, pending);
    }

    /** Whether this resource, as a dependency, meets {@code w}. */
    boolean satisfies(ResourceWait w) {
        return switch (w.kind()) {
            case READY -> RUNNING.equals(state) && ResourceSnapshot.HEALTHY.equals(health);
            case START -> RUNNING.equals(state);
            case COMPLETION -> exitedOnItsOwn() && exitCode != null && exitCode == w.exitCode();
        };
    }

    /** Why {@code w} on this resource can never be met (Aspire's message), or {@code null} while it may still be. */
    String waitFailure(ResourceWait w) {
        if (FAILED_TO_START.equals(state)) {
            return ResourceStates.dependencyFailure(name, state);
        }
        if (!exitedOnItsOwn()) {
            return null; // not ended, or stopped on request: the user may start it again
        }
        if (w.kind() == ResourceWait.Kind.COMPLETION) {
            int code = exitCode == null ? -1 : exitCode;
            return code == w.exitCode() ? null : ResourceStates.wrongExitCode(name, state, code, w.exitCode());
        }
        return ResourceStates.dependencyFailure(name, state);
    }

    // ---- the executor's answers ----

    private void launch() {
        move(STARTING, null);
        int gen = generation;
        host.workers().execute(() -> {
            try {
                RunningResource r = host.launch(this);
                host.loop().post(() -> started(gen, r));
            } catch (ResourceStartException e) {
                host.loop().post(() -> startFailed(gen, e.getMessage()));
            } catch (RuntimeException e) {
                host.loop().post(() -> startFailed(gen, "Resource '" + name + "' could not be started: " + e));
            }
        });
    }

    void started(int gen, RunningResource r) {
        if (gen != generation) {
            host.workers().execute(() -> r.stop(Duration.ZERO));
            return;
        }
        running = r;
        host.watch(r);
        r.exit().whenComplete((code, e) -> host.loop().post(() -> exited(gen, code == null ? -1 : code)));
        pid = r.pid();
        if (r.exit().isDone()) {
            exited(gen, r.exit().getNow(-1)); // gone before it could be reported running
            return;
        }
        if (stopRequested) {
            move(STOPPING, null);
            terminate();
            return;
        }
        startedAt = host.loop().now();
        wasRunning = true;
        List<dev.apphost.HealthCheck> checks;
        try {
            checks = host.healthChecks(this);
        } catch (IllegalArgumentException e) {
            health = ResourceSnapshot.UNHEALTHY;
            healthReason = e.getMessage();
            move(RUNNING, null);
            return;
        }
        health = checks.isEmpty() ? ResourceSnapshot.HEALTHY : null;
        move(RUNNING, null);
        if (!checks.isEmpty()) {
            monitor = new HealthMonitor(checks, host.loop(), host.workers(), (h, reason) -> healthChanged(gen, h, reason));
            monitor.start();
        }
    }

    void startFailed(int gen, String why) {
        if (gen == generation) {
            move(FAILED_TO_START, why);
        }
    }

    void exited(int gen, int code) {
        if (gen != generation || running == null) {
            return;
        }
        if (stopInFlight) {
            exitWhileStopping = code;
            return;
        }
        stopMonitor();
        host.release(running);
        running = null;
        String next = ResourceStates.afterExit(code, stopRequested);
        exitCode = code;
        health = null;
        healthReason = null;
        move(next, EXITED.equals(next) ? host.exitMessage(this, code) : null);
        if (startAfterStop) {
            startAfterStop = false;
            start();
        }
    }

    void healthChanged(int gen, String newHealth, String reason) {
        if (gen != generation || !RUNNING.equals(state)) {
            return;
        }
        health = newHealth;
        healthReason = reason;
        host.changed(this, state);
    }

    /** Marks (or clears) a dependency that was ready and is no longer; returns whether that changed anything. */
    boolean markUnavailable(String dependency, boolean isUnavailable) {
        boolean changed = isUnavailable ? unavailable.add(dependency) : unavailable.remove(dependency);
        if (changed) {
            host.changed(this, state);
        }
        return changed;
    }

    private void terminate() {
        stopMonitor();
        RunningResource r = running;
        Duration grace = stopGrace;
        if (r != null && !stopInFlight) {
            stopInFlight = true;
            int gen = generation;
            host.workers().execute(() -> {
                try {
                    r.stop(grace);
                } finally {
                    host.loop().post(() -> stopReturned(gen));
                }
            });
        }
    }

    /** The executor's stop returned: the process tree (or container) is gone; report an exit seen meanwhile. */
    void stopReturned(int gen) {
        if (gen != generation) {
            return;
        }
        stopInFlight = false;
        if (exitWhileStopping != null) {
            int code = exitWhileStopping;
            exitWhileStopping = null;
            exited(gen, code);
        }
    }

    private void stopMonitor() {
        if (monitor != null) {
            monitor.stop();
            monitor = null;
        }
    }

    private void move(String to, String newMessage) {
        if (!ResourceStates.canMove(state, to)) {
            throw new IllegalStateException("Resource '" + name + "' cannot go from " + state + " to " + to + ".");
        }
        String previous = state;
        state = to;
        message = newMessage;
        if (!RUNNING.equals(to)) {
            if (!STOPPING.equals(to)) {
                health = null;
                healthReason = null;
            }
        }
        host.changed(this, previous);
    }

    /** Finished or Exited without having been asked to stop. */
    private boolean exitedOnItsOwn() {
        return (FINISHED.equals(state) || EXITED.equals(state)) && !stopRequested;
    }
}
