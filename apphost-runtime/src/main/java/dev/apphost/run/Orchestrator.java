package dev.apphost.run;

import static dev.apphost.KnownResourceStates.EXITED;
import static dev.apphost.KnownResourceStates.FAILED_TO_START;
import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;
import static dev.apphost.KnownResourceStates.STARTING;
import static dev.apphost.KnownResourceStates.WAITING;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplicationException;
import dev.apphost.ExecutionContext;
import dev.apphost.ResourceNotifications;
import dev.apphost.UserSecrets;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.Resource;
import dev.apphost.otlp.OtelEnvironment;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.Network;
import dev.apphost.plan.ParameterValues;
import dev.apphost.plan.RunValues;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs an app model on this machine: allocates ports ({@link EndpointAllocation}), resolves each
 * resource's environment ({@link EnvironmentPlanner} + {@link RunValues} for the executor's
 * {@link Network}), starts resources in {@code waitFor} order and independent ones in parallel
 * through {@link ResourceExecutor}s, tracks states and health ({@link StateStore},
 * {@link HealthMonitor}), keeps their output ({@link ResourceLogs}), prints the console
 * ({@link ConsoleReporter}), and stops everything dependents-first.
 */
public final class Orchestrator implements ResourceLogs {

    /** System property with the pid of a process whose death stops the AppHost (the Maven plugin's). */
    public static final String PARENT_PID_PROPERTY = dev.apphost.launch.LaunchPlan.PARENT_PID_PROPERTY;

    private final AppModel model;
    private final Configuration configuration;
    private final Path appHostDirectory;
    private final UserSecrets secrets;
    private final RunOptions options;
    private final EnvironmentPlanner planner;
    private final StartGraph graph;
    private final StateStore store = new StateStore();
    private final ConsoleReporter console;
    private final List<ResourceExecutor> executors;
    private final Map<String, ResourceSlot> slots = new LinkedHashMap<>();
    private final Map<String, LogBuffer> logs = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apphost-run");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch runEnded = new CountDownLatch(1);
    private final CompletableFuture<Void> startPrinted = new CompletableFuture<>();
    private ParameterValues parameters;
    private EndpointAllocation allocation;
    private RunValues values;
    private LaunchRequestResolver requests;
    private ProcessReaper reaper = ProcessReaper.NONE;
    private boolean started;
    private volatile boolean stopping;
    private CompletableFuture<Void> stopped;
    private volatile OtelEnvironment telemetry;

    public Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets) {
        this(model, executionContext, configuration, appHostDirectory, secrets, RunOptions.from(configuration));
    }

    public Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets, RunOptions options) {
        this.model = model;
        this.configuration = configuration;
        this.appHostDirectory = appHostDirectory;
        this.secrets = secrets;
        this.options = options;
        this.planner = new EnvironmentPlanner(model, executionContext);
        this.graph = new StartGraph(model);
        this.console = new ConsoleReporter(options.console(), options.colour());
        this.executors = options.executors() != null ? options.executors() : List.of(
                new ProcessExecutor(OtelEnvironment.withAgent(LaunchPlanResolver.forAppHost(appHostDirectory),
                        () -> telemetry), true),
                new ContainerExecutor(options.effectiveContainerEngineEnvironment(), appHostDirectory));
        for (ComputeResource r : model.computeResources()) {
            slots.put(r.name(), new ResourceSlot(r));
            logs.put(key(r.name()), new LogBuffer(options.logBufferLines()));
        }
        store.addListener(new StateChangeReporter(console, slots::containsKey,
                name -> slots.get(name).resource.settings().healthCheck() != null));
    }

    /** Starts everything, then blocks until Ctrl+C, {@link #stop()} or the death of the {@code apphost.parentPid} process. */
    public void run() {
        Thread hook = new Thread(this::stop, "apphost-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        watchParent();
        start();
        try {
            runEnded.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is what stopped us
            }
        }
    }

    /** Starts every resource; returns once each has started or failed (or waits on a dependency that is not healthy yet). */
    public void start() {
        List<CompletableFuture<Void>> startedViews = new ArrayList<>();
        synchronized (this) {
            if (started || stopping) {
                return;
            }
            started = true;
            prepare();
            console.starting(appHostDirectory);
            reaper = options.reaper() != null ? options.reaper().get() : WatchdogReaper.start();
            executors.forEach(e -> e.useReaper(reaper));
            Map<String, CompletableFuture<Void>> views = new LinkedHashMap<>();
            for (String name : graph.startOrder()) {
                ResourceSlot slot = slots.get(name);
                List<ResourceSlot> deps = graph.dependencies(name).stream().map(slots::get).toList();
                if (!deps.isEmpty()) {
                    store.move(name, WAITING, s -> s.withState(WAITING, null));
                }
                ResourceSlot.allReady(deps).whenCompleteAsync((v, failure) -> launch(slot, failure), workers);
                CompletableFuture<Void> view = deps.isEmpty() ? slot.settled
                        : CompletableFuture.allOf(deps.stream().map(d -> views.get(d.resource.name()))
                                .toArray(CompletableFuture[]::new))
                        .thenCompose(v -> deps.stream().anyMatch(d -> !d.ready.isDone())
                                ? CompletableFuture.<Void>completedFuture(null) : slot.settled);
                views.put(name, view);
            }
            startedViews.addAll(views.values());
            CompletableFuture.allOf(slots.values().stream().map(s -> s.ready.handle((v, e) -> null))
                    .toArray(CompletableFuture[]::new)).runAfterBoth(startPrinted, this::reportOutcome);
        }
        CompletableFuture.allOf(startedViews.toArray(CompletableFuture[]::new)).join();
        console.table(store.all());
        console.started();
        startPrinted.complete(null);
    }

    private void launch(ResourceSlot slot, Throwable dependencyFailure) {
        ComputeResource resource = slot.resource;
        String name = resource.name();
        if (stopping) {
            store.move(name, NOT_STARTED, s -> s.withState(NOT_STARTED, null));
            slot.settled.complete(null);
            return;
        }
        if (dependencyFailure != null) {
            Throwable cause = dependencyFailure instanceof java.util.concurrent.CompletionException
                    ? dependencyFailure.getCause() : dependencyFailure;
            fail(slot, cause.getMessage());
            return;
        }
        store.move(name, STARTING, s -> s.withState(STARTING, null));
        if (allocation.problem(name) != null) {
            fail(slot, allocation.problem(name));
            return;
        }
        ResourceExecutor executor = executors.stream().filter(e -> e.supports(resource)).findFirst().orElse(null);
        if (executor == null) {
            fail(slot, "No executor can run " + typeOf(resource).toLowerCase(java.util.Locale.ROOT) + " resource '"
                    + name + "' in this build.");
            return;
        }
        LaunchRequest request;
        try {
            request = requests.resolve(resource, executor.network());
        } catch (ResourceStartException e) {
            fail(slot, e.getMessage());
            return;
        }
        RunningResource running;
        synchronized (slot) {
            if (stopping) {
                store.move(name, FAILED_TO_START, s -> s.withState(FAILED_TO_START, "The application is stopping."));
                slot.settled.complete(null);
                return;
            }
            try {
                running = executor.start(resource, request, (stream, text) -> onLine(name, stream, text));
            } catch (ResourceStartException e) {
                fail(slot, e.getMessage());
                return;
            } catch (RuntimeException e) {
                fail(slot, "Resource '" + name + "' could not be started: " + e);
                return;
            }
            slot.running = running;
        }
        running.processes().forEach(reaper::watch);
        store.move(name, RUNNING, s -> s.withState(RUNNING, null).withPid(running.pid()));
        slot.settled.complete(null);
        running.exit().whenComplete((code, e) -> onExit(slot, code == null ? -1 : code));
        ResourceHealth.watch(slot, allocation.of(name), parameters::value, store, workers);
    }

    private void onExit(ResourceSlot slot, int code) {
        String name = slot.resource.name();
        if (slot.monitor != null) {
            slot.monitor.stop();
        }
        if (slot.running != null) {
            slot.running.processes().forEach(reaper::release);
        }
        String state = ResourceStates.afterExit(code, slot.stopRequested);
        String message = null;
        if (EXITED.equals(state) && !slot.stopRequested) {
            List<String> tail = tail(name, 10);
            message = "Resource '" + name + "' exited with code " + code + "." + (tail.isEmpty() ? ""
                    : " Last output:" + System.lineSeparator() + "    "
                            + String.join(System.lineSeparator() + "    ", tail));
        }
        String finalMessage = message;
        if (!store.move(name, state, s -> s.withExit(state, code, finalMessage))) {
            store.update(name, s -> s.withExit(state, code, finalMessage));
        }
        slot.ready.completeExceptionally(new DistributedApplicationException(
                ResourceStates.dependencyFailure(name, state)));
        slot.settled.complete(null);
        slot.exited.complete(null);
    }

    private void fail(ResourceSlot slot, String message) {
        String name = slot.resource.name();
        store.move(name, FAILED_TO_START, s -> s.withState(FAILED_TO_START, message));
        slot.ready.completeExceptionally(new DistributedApplicationException(
                ResourceStates.dependencyFailure(name, FAILED_TO_START)));
        slot.settled.complete(null);
    }

    private void reportOutcome() {
        if (stopping) {
            return;
        }
        List<String> failed = store.all().stream()
                .filter(s -> slots.containsKey(s.name()))
                .filter(s -> FAILED_TO_START.equals(s.state()) || EXITED.equals(s.state()))
                .map(ResourceSnapshot::name).toList();
        if (failed.isEmpty()) {
            console.allReady();
        } else {
            console.failed(failed);
        }
    }

    /** Stops every resource, dependents before their dependencies; returns when all are stopped. */
    public void stop() {
        CompletableFuture<Void> done;
        boolean first = false;
        synchronized (this) {
            stopping = true;
            if (stopped == null) {
                stopped = new CompletableFuture<>();
                first = true;
            }
            done = stopped;
        }
        if (!first) {
            done.join();
            return;
        }
        try {
            if (started) {
                console.stopping();
                Map<String, CompletableFuture<Void>> stops = new LinkedHashMap<>();
                for (String name : graph.stopOrder()) {
                    CompletableFuture<?>[] before = graph.stopFirst(name).stream().map(stops::get)
                            .toArray(CompletableFuture[]::new);
                    ResourceSlot slot = slots.get(name);
                    stops.put(name, CompletableFuture.allOf(before).thenRunAsync(() -> slot.stop(store, options.shutdownTimeout()), workers));
                }
                CompletableFuture.allOf(stops.values().toArray(CompletableFuture[]::new)).join();
                executors.forEach(ResourceExecutor::closeQuietly);
                console.stopped();
            }
        } finally {
            reaper.close();
            workers.shutdownNow();
            done.complete(null);
            runEnded.countDown();
        }
    }

    /**
     * Gives every resource started from now on the OpenTelemetry variables of {@code otel}, and project
     * JVMs its agent; {@code null} turns that off. Call before {@link #start()}.
     */
    public void useTelemetry(OtelEnvironment otel) {
        this.telemetry = otel;
    }

    /** Listens to every change of every resource's snapshot, in order. */
    public void addSnapshotListener(java.util.function.Consumer<ResourceSnapshot> listener) {
        store.addListener(listener);
    }

    /** The environment {@code resource} was last started with (empty before it starts). */
    public Map<String, String> environment(String resource) {
        prepare();
        return requests.lastEnvironment(model.get(resource).name());
    }

    public ResourceNotifications notifications() {
        prepare();
        return store;
    }

    /** The current snapshot of {@code name}. */
    public ResourceSnapshot snapshot(String name) {
        prepare();
        return store.snapshot(name);
    }

    /** Snapshots of every resource, in model order. */
    public List<ResourceSnapshot> snapshots() {
        prepare();
        return store.all();
    }

    @Override
    public List<LogLine> lines(String resource) {
        LogBuffer buffer = logs.get(key(resource));
        return buffer == null ? List.of() : buffer.snapshot();
    }

    public URI endpointUrl(String resource, String endpoint) {
        prepare();
        Resource r = model.get(resource);
        AllocatedEndpoint allocated = allocation.find(r.name(), endpoint);
        if (allocated == null) {
            throw new DistributedApplicationException("Resource '" + r.name() + "' has no endpoint named '" + endpoint
                    + "'. Its endpoints are: " + allocation.of(r.name()).stream().map(AllocatedEndpoint::endpoint)
                            .toList() + ".");
        }
        return URI.create(allocated.url(Network.HOST));
    }

    public String connectionString(String resource) {
        prepare();
        Resource r = model.get(resource);
        if (r.connectionString() == null) {
            throw new DistributedApplicationException("Resource '" + r.name() + "' has no connection string.");
        }
        return values.resolve(r.connectionString(), Network.HOST);
    }

    /** Reads parameters and allocates ports, once. */
    private synchronized void prepare() {
        if (allocation != null) {
            return;
        }
        parameters = new ParameterValues(model, configuration, secrets);
        allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        values = new RunValues(model, parameters::value, allocation);
        requests = new LaunchRequestResolver(planner, values, allocation, () -> telemetry);
        for (Resource r : model.all()) {
            List<String> urls = allocation.of(r.name()).stream().map(e -> e.url(Network.HOST)).toList();
            String state = NOT_STARTED;
            String message = null;
            if (r instanceof ParameterResource p && parameters.isMissing(p.name())) {
                state = ResourceStates.VALUE_MISSING;
                message = parameters.missing().get(p.name());
            } else if (!(r instanceof ComputeResource)) {
                state = RUNNING;
            }
            store.put(new ResourceSnapshot(r.name(), typeOf(r), state, null, message, null, urls, null));
        }
    }

    private void onLine(String resource, LogLine.Stream stream, String text) {
        logs.get(key(resource)).add(new LogLine(resource, stream, Instant.now(), text));
        console.log(resource, stream, text);
    }

    private void watchParent() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(null))
                .thenRunAsync(() -> {
                    console.warn("apphost: parent process " + pid.trim() + " exited; stopping.");
                    stop();
                }, workers);
    }

    static String typeOf(Resource r) {
        String simple = r.getClass().getSimpleName();
        return simple.endsWith("Resource") ? simple.substring(0, simple.length() - "Resource".length()) : simple;
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
