package dev.apphost.run;

import static dev.apphost.KnownResourceStates.EXITED;
import static dev.apphost.KnownResourceStates.FAILED_TO_START;
import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;
import static dev.apphost.KnownResourceStates.STOPPING;
import static dev.apphost.KnownResourceStates.WAITING;

import dev.apphost.ExecuteCommandResult;
import dev.apphost.KnownResourceCommands;
import dev.apphost.ResourceSnapshot;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ResourceWait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The {@link ResourceController}s of a run and what concerns several of them: starting all
 * (explicit-start resources excepted), stopping all dependents-first under one deadline, the
 * built-in commands, telling dependents that a dependency changed, saying on what a resource
 * waits, and noticing when every resource is ready. Everything here runs on the {@link EventLoop};
 * the public methods post to it and return futures.
 */
final class ResourceLifecycle implements ResourceController.Host {

    /** How long after the first "is waiting for" line the next ones come. */
    static final Duration FIRST_WAIT_REPORT = Duration.ofSeconds(10);
    static final Duration NEXT_WAIT_REPORT = Duration.ofSeconds(30);
    /** How long a stop waits, past its deadline, for starts still in flight. */
    static final Duration STOP_SLACK = Duration.ofSeconds(10);

    /** What the run around the lifecycle provides: starting resources, health checks, the console. */
    interface Hooks {
        /** Resolves and starts {@code resource}; runs on a worker. */
        RunningResource launch(ComputeResource resource) throws ResourceStartException;

        List<dev.apphost.HealthCheck> healthChecks(ComputeResource resource);

        /** Called (on the loop) after a snapshot was stored. */
        void published(ResourceController c, String previousState);

        String exitMessage(String resource, int exitCode);

        /** {@code webfrontend is waiting for cache: Unhealthy: connection refused}. */
        void waiting(String line);

        /** A dependency that was ready has stopped or exited while its dependent runs. */
        void dependencyLost(String dependent, String dependency, String state);

        /** Every resource is ready, or these failed. */
        void outcome(List<String> failed);

        default void watch(RunningResource running) {
        }

        default void release(RunningResource running) {
        }
    }

    private final EventLoop loop;
    private final Executor workers;
    private final StartGraph graph;
    private final StateStore store;
    private final Hooks hooks;
    private final Map<String, ResourceController> controllers = new LinkedHashMap<>();
    private final Map<String, EventLoop.Cancellable> waitReports = new HashMap<>();
    private final List<Awaiter> awaiters = new ArrayList<>();
    private boolean stopping;
    private boolean outcomeWanted;
    private StopRun stopRun;

    ResourceLifecycle(List<ComputeResource> resources, Map<String, String> types, Map<String, List<String>> urls,
            StartGraph graph, StateStore store, EventLoop loop, Executor workers, Hooks hooks) {
        this.loop = loop;
        this.workers = workers;
        this.graph = graph;
        this.store = store;
        this.hooks = hooks;
        for (ComputeResource r : resources) {
            controllers.put(key(r.name()), new ResourceController(r, types.get(r.name()),
                    urls.getOrDefault(r.name(), List.of()), this));
        }
    }

    /** The first snapshots, before anything starts. */
    List<ResourceSnapshot> initialSnapshots() {
        return controllers.values().stream().map(ResourceController::snapshot).toList();
    }

    // ---- operations ----

    /**
     * Starts every resource that is not explicit-start, dependencies first; completes once each has
     * started, failed, or waits on a dependency that has settled without being ready.
     */
    CompletableFuture<Void> startAll() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.post(() -> {
            stopping = false;
            stopRun = null;
            outcomeWanted = false;
            for (String name : graph.startOrder()) {
                ResourceController c = controllers.get(key(name));
                if (!c.explicitStart()) {
                    c.start();
                }
            }
            await(this::settledAll, () -> done.complete(null));
        });
        return done;
    }

    /**
     * From now on, report the outcome once every resource is ready or has failed; the future
     * completes once that was checked (and reported, when it is known already).
     */
    CompletableFuture<Void> reportOutcome() {
        CompletableFuture<Void> checked = new CompletableFuture<>();
        loop.post(() -> {
            outcomeWanted = true;
            checkOutcome();
            checked.complete(null);
        });
        return checked;
    }

    /**
     * Stops everything, dependents first, with one deadline for the whole stop: each resource gets
     * SIGTERM once its dependents are gone, and whatever still runs at the deadline is killed.
     */
    CompletableFuture<Void> stopAll(Duration budget) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.post(() -> {
            stopping = true;
            waitReports.values().forEach(EventLoop.Cancellable::cancel);
            waitReports.clear();
            StopRun run = new StopRun(loop.now().plus(budget), new LinkedHashSet<>(graph.stopOrder()), done);
            stopRun = run;
            loop.schedule(budget, () -> run.force = true);
            loop.schedule(budget, this::progressStop);
            loop.schedule(budget.plus(STOP_SLACK), () -> done.complete(null));
            progressStop();
        });
        return done;
    }

    /** Runs a built-in command; completes when it is done (see {@link dev.apphost.ResourceCommands}). */
    CompletableFuture<ExecuteCommandResult> execute(String resource, String command, Duration grace) {
        CompletableFuture<ExecuteCommandResult> result = new CompletableFuture<>();
        loop.post(() -> {
            ResourceController c = controllers.get(key(resource));
            if (c == null) {
                result.complete(ExecuteCommandResult.failure("No resource named '" + resource + "' that can run "
                        + "commands. Resources: " + String.join(", ", controllers.values().stream()
                                .map(x -> x.name).toList()) + "."));
                return;
            }
            if (stopping) {
                result.complete(ExecuteCommandResult.failure("The application is stopping."));
                return;
            }
            if (!List.of(KnownResourceCommands.START, KnownResourceCommands.STOP, KnownResourceCommands.RESTART)
                    .contains(command)) {
                result.complete(ResourceCommandCatalog.unknown(c.resource, command));
                return;
            }
            if (!isEnabled(command, c.state())) {
                result.complete(ExecuteCommandResult.failure("Command '" + command + "' of resource '" + c.name
                        + "' is not available while it is " + c.state() + "."));
                return;
            }
            int target = c.generation() + 1;
            switch (command) {
                case KnownResourceCommands.START -> c.start();
                case KnownResourceCommands.RESTART -> c.restart(grace);
                case KnownResourceCommands.STOP -> c.stop(grace);
                default -> throw new IllegalArgumentException(command);
            }
            if (KnownResourceCommands.STOP.equals(command)) {
                await(() -> ResourceStates.isIdle(c.state()), () -> result.complete(new ExecuteCommandResult(true, null)));
            } else {
                await(() -> c.generation() >= target && isStartAnswer(c.state()), () -> result.complete(
                        FAILED_TO_START.equals(c.state()) || EXITED.equals(c.state())
                                ? ExecuteCommandResult.failure(c.snapshot().message())
                                : new ExecuteCommandResult(true, null)));
            }
        });
        return result;
    }

    /** Whether a built-in command can run on a resource in {@code state}. */
    static boolean isEnabled(String command, String state) {
        return switch (command) {
            case KnownResourceCommands.START -> ResourceStates.isIdle(state);
            case KnownResourceCommands.STOP -> WAITING.equals(state) || RUNNING.equals(state)
                    || dev.apphost.KnownResourceStates.STARTING.equals(state);
            case KnownResourceCommands.RESTART -> RUNNING.equals(state) || dev.apphost.KnownResourceStates.isTerminal(state);
            default -> RUNNING.equals(state);
        };
    }

    private static boolean isStartAnswer(String state) {
        return RUNNING.equals(state) || WAITING.equals(state) || dev.apphost.KnownResourceStates.isTerminal(state);
    }

    // ---- ResourceController.Host ----

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public ResourceController controller(String name) {
        return controllers.get(key(name));
    }

    @Override
    public RunningResource launch(ResourceController c) throws ResourceStartException {
        return hooks.launch(c.resource);
    }

    @Override
    public List<dev.apphost.HealthCheck> healthChecks(ResourceController c) {
        return hooks.healthChecks(c.resource);
    }

    @Override
    public String exitMessage(ResourceController c, int exitCode) {
        return hooks.exitMessage(c.name, exitCode);
    }

    @Override
    public void watch(RunningResource running) {
        hooks.watch(running);
    }

    @Override
    public void release(RunningResource running) {
        hooks.release(running);
    }

    @Override
    public void changed(ResourceController c, String previousState) {
        store.put(c.snapshot());
        hooks.published(c, previousState);
        if (!previousState.equals(c.state())) {
            trackWaiting(c);
        }
        if (!stopping) {
            tellDependents(c);
        }
        checkAwaiters();
        if (stopping) {
            progressStop();
        } else {
            for (ResourceController d : controllers.values()) {
                if (d != c && dependsOn(d, c.name)) {
                    d.dependencyChanged();
                }
            }
            checkOutcome();
        }
    }

    // ---- dependents ----

    private static boolean dependsOn(ResourceController dependent, String dependency) {
        return dependent.waits().stream().anyMatch(w -> w.resource().equalsIgnoreCase(dependency));
    }

    /**
     * Marks running dependents when a ready dependency ends (said on the console unless it is being
     * restarted), and clears the mark when it is ready again.
     */
    private void tellDependents(ResourceController dep) {
        boolean ended = ResourceStates.isIdle(dep.state()) && dep.wasRunning();
        for (ResourceController d : controllers.values()) {
            for (ResourceWait w : d.waits()) {
                if (!w.resource().equalsIgnoreCase(dep.name) || w.kind() == ResourceWait.Kind.COMPLETION) {
                    continue;
                }
                boolean dependentRuns = RUNNING.equals(d.state()) || STOPPING.equals(d.state());
                if (ended && dependentRuns && d.markUnavailable(dep.name, true) && !dep.restarting()) {
                    hooks.dependencyLost(d.name, dep.name, dep.state());
                } else if (dep.satisfies(w)) {
                    d.markUnavailable(dep.name, false);
                }
            }
        }
    }

    // ---- waiting reports ----

    private void trackWaiting(ResourceController c) {
        EventLoop.Cancellable report = waitReports.remove(key(c.name));
        if (report != null) {
            report.cancel();
        }
        if (WAITING.equals(c.state()) && !stopping) {
            scheduleWaitReport(c, FIRST_WAIT_REPORT);
        }
    }

    private void scheduleWaitReport(ResourceController c, Duration delay) {
        waitReports.put(key(c.name), loop.schedule(delay, () -> {
            if (WAITING.equals(c.state()) && !stopping) {
                hooks.waiting(WaitStatus.waitingLine(c, this::controller));
                scheduleWaitReport(c, NEXT_WAIT_REPORT);
            }
        }));
    }

    // ---- settling and the outcome ----

    /** Whether nothing is on its way: each resource runs, has ended, or waits on something that has settled. */
    private boolean settledAll() {
        Map<String, Boolean> memo = new HashMap<>();
        return controllers.values().stream().allMatch(c -> WaitStatus.settled(c, this::controller, memo));
    }

    private void checkOutcome() {
        if (!outcomeWanted || stopping) {
            return;
        }
        Map<String, Boolean> memo = new HashMap<>();
        if (!controllers.values().stream().allMatch(c -> WaitStatus.done(c, this::controller, memo))) {
            return;
        }
        outcomeWanted = false;
        List<String> failed = controllers.values().stream()
                .filter(c -> FAILED_TO_START.equals(c.state()) || EXITED.equals(c.state()))
                .map(c -> c.name).toList();
        hooks.outcome(failed);
    }

    // ---- stopping ----

    private void progressStop() {
        StopRun run = stopRun;
        if (run == null) {
            return;
        }
        if (run.progressing) {
            run.again = true; // a stop below changed a state: the outer pass goes round again
            return;
        }
        run.progressing = true;
        try {
            do {
                run.again = false;
                progressStop(run);
            } while (run.again);
        } finally {
            run.progressing = false;
        }
    }

    private void progressStop(StopRun run) {
        Duration left = Duration.between(loop.now(), run.deadline);
        Duration grace = left.isNegative() ? Duration.ZERO : left;
        for (String name : List.copyOf(run.pending)) {
            boolean dependentsGone = graph.stopFirst(name).stream()
                    .allMatch(d -> ResourceStates.isIdle(controller(d).state()));
            if (dependentsGone || run.force) {
                run.pending.remove(name);
                controller(name).stop(grace);
            }
        }
        if (run.pending.isEmpty() && controllers.values().stream().allMatch(c -> ResourceStates.isIdle(c.state()))) {
            run.done.complete(null);
        }
    }

    private static final class StopRun {
        final Instant deadline;
        final Set<String> pending;
        final CompletableFuture<Void> done;
        boolean force;
        boolean progressing;
        boolean again;

        StopRun(Instant deadline, Set<String> pending, CompletableFuture<Void> done) {
            this.deadline = deadline;
            this.pending = pending;
            this.done = done;
        }
    }

    // ---- awaiting a condition after changes ----

    private record Awaiter(BooleanSupplier condition, Runnable then) {
    }

    /** Runs {@code then} (on the loop) as soon as {@code condition} holds after a change, or now. */
    private void await(BooleanSupplier condition, Runnable then) {
        awaiters.add(new Awaiter(condition, then));
        checkAwaiters();
    }

    private void checkAwaiters() {
        for (Awaiter a : List.copyOf(awaiters)) {
            if (awaiters.contains(a) && a.condition().getAsBoolean()) {
                awaiters.remove(a);
                a.then().run();
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
