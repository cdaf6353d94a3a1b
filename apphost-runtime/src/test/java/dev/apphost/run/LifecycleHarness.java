package dev.apphost.run;

import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.HealthCheckResult;
import dev.apphost.ResourceSnapshot;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The lifecycle of a model with a fake executor, a manual loop and an injected clock: every
 * transition can be driven and observed without a process, a thread or a sleep.
 */
final class LifecycleHarness implements ResourceLifecycle.Hooks {

    final ManualEventLoop loop = new ManualEventLoop();
    final StateStore store = new StateStore();
    final List<String> launched = new ArrayList<>();
    final Map<String, String> failOnStart = new HashMap<>();
    final Map<String, Supplier<HealthCheckResult>> health = new HashMap<>();
    final Map<String, FakeRunning> running = new HashMap<>();
    final List<String> waitingLines = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final List<List<String>> outcomes = new ArrayList<>();
    final List<String> transitions = new ArrayList<>();
    /** Blocking work (launches, stops, probes): run at once unless {@link #holdWorkers} is set. */
    final ArrayDeque<Runnable> heldWork = new ArrayDeque<>();
    boolean holdWorkers;
    final ResourceLifecycle lifecycle;

    LifecycleHarness(DistributedApplicationBuilder builder) {
        AppModel model = builder.build().model();
        Map<String, String> types = new LinkedHashMap<>();
        model.computeResources().forEach(r -> types.put(r.name(), "Executable"));
        Executor workers = task -> {
            if (holdWorkers) {
                heldWork.add(task);
            } else {
                task.run();
            }
        };
        lifecycle = new ResourceLifecycle(model.computeResources(), types, Map.of(), new StartGraph(model), store, loop,
                workers, this);
        lifecycle.initialSnapshots().forEach(store::put);
    }

    /** Runs the held blocking work, then the loop. */
    void releaseWorkers() {
        holdWorkers = false;
        while (!heldWork.isEmpty()) {
            heldWork.poll().run();
        }
        loop.runUntilIdle();
    }

    <T> T await(CompletableFuture<T> future) {
        loop.runUntilIdle();
        if (!future.isDone()) {
            throw new AssertionError("not done after the loop went idle");
        }
        return future.join();
    }

    ResourceSnapshot snapshot(String name) {
        return store.snapshot(name);
    }

    String state(String name) {
        return store.snapshot(name).state();
    }

    dev.apphost.ExecuteCommandResult command(String name, String command) {
        return await(lifecycle.execute(name, command, Duration.ofSeconds(5)));
    }

    // ---- hooks ----

    @Override
    public RunningResource launch(ComputeResource resource) throws ResourceStartException {
        String name = resource.name();
        if (failOnStart.containsKey(name)) {
            throw new ResourceStartException(failOnStart.get(name));
        }
        launched.add(name);
        FakeRunning r = new FakeRunning(name, 1000L + launched.size());
        running.put(name, r);
        return r;
    }

    @Override
    public List<dev.apphost.HealthCheck> healthChecks(ComputeResource resource) {
        Supplier<HealthCheckResult> h = health.get(resource.name());
        return h == null ? List.of() : List.of(h::get);
    }

    @Override
    public void published(ResourceController c, String previousState) {
        if (!previousState.equals(c.state())) {
            transitions.add(c.name + ":" + previousState + "->" + c.state());
        }
    }

    @Override
    public String exitMessage(String resource, int exitCode) {
        return "Resource '" + resource + "' exited with code " + exitCode + ".";
    }

    @Override
    public void waiting(String line) {
        waitingLines.add(loop.now() + " " + line);
    }

    @Override
    public void dependencyLost(String dependent, String dependency, String state) {
        lost.add(dependent + " lost " + dependency + " (" + state + ")");
    }

    @Override
    public void outcome(List<String> failed) {
        outcomes.add(failed);
    }

    /** A running fake: exits when the test says so, or at a stop unless it ignores SIGTERM. */
    static final class FakeRunning implements RunningResource {
        final String name;
        final long pid;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final List<Duration> stops = new ArrayList<>();
        boolean ignoresSigterm;

        FakeRunning(String name, long pid) {
            this.name = name;
            this.pid = pid;
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) {
            stops.add(grace);
            if (!ignoresSigterm) {
                exit.complete(143);
            }
        }

        @Override
        public Long pid() {
            return pid;
        }
    }
}
