package dev.apphost.run;

import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplicationException;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.ExecutionContext;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceCommands;
import dev.apphost.ResourceLogs;
import dev.apphost.ResourceNotifications;
import dev.apphost.ResourceSnapshot;
import dev.apphost.UserSecrets;
import dev.apphost.launch.RunOutcome;
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
import dev.apphost.run.proxy.EndpointProxies;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Runs an app model on this machine: allocates ports once ({@link EndpointAllocation}), resolves a
 * resource's environment at each start ({@link EnvironmentPlanner} + {@link RunValues} for the
 * executor's {@link Network}), and leaves the lifecycle of every resource to its
 * {@link ResourceController} ({@link ResourceLifecycle}): start in {@code waitFor} order, health,
 * commands, stop dependents-first under one deadline. It keeps their output ({@link LogStore}) and
 * prints the console ({@link ConsoleReporter}). {@link #start()} after {@link #stop()} starts again,
 * on the same ports.
 */
public final class Orchestrator implements ResourceCommands {

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
    private final LogStore logs;
    private final EventLoop loop;
    private final Executor workers;
    private final Map<String, ConsoleGate> gates = new ConcurrentHashMap<>();
    private final RunFailures failures = new RunFailures(n -> gates.containsKey(key(n)));
    /** Configuration key: {@code true} registers with one reaper per JVM ({@link WatchdogReaper#shared()}). */
    public static final String SHARED_REAPER_KEY = "AppHost:SharedReaper";

    private final Object runLock = new Object();
    /** This run's per-resource log files; replaced at each start, closed at stop. */
    private volatile ResourceLogFiles logFiles;
    private ParameterValues parameters;
    private EndpointAllocation allocation;
    private RunValues values;
    private LaunchRequestResolver requests;
    private ResourceLifecycle lifecycle;
    private volatile List<ResourceExecutor> executors = List.of();
    private volatile ProcessReaper reaper = ProcessReaper.NONE;
    /** This run's proxies (proxied endpoints, replicas): opened at start, closed once everything stopped. */
    private EndpointProxies proxies;
    private boolean running;
    private CountDownLatch runEnded = new CountDownLatch(1);
    /** The run's OpenTelemetry variables and agent, read at each launch; {@code null} when telemetry is off. */
    private volatile OtelEnvironment telemetry;

    public Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets) {
        this(model, executionContext, configuration, appHostDirectory, secrets, RunOptions.from(configuration));
    }

    public Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets, RunOptions options) {
        this(model, executionContext, configuration, appHostDirectory, secrets, options, new ThreadEventLoop(),
                Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "apphost-run");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** With the loop and workers given: tests pass a manual loop and a direct executor. */
    Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets, RunOptions options, EventLoop loop, Executor workers) {
        this.model = PersistentContainers.forRun(model, configuration);
        this.configuration = configuration;
        this.appHostDirectory = appHostDirectory;
        this.secrets = secrets;
        this.options = options;
        this.planner = new EnvironmentPlanner(this.model, executionContext);
        this.graph = new StartGraph(this.model);
        this.console = new ConsoleReporter(options.console(), options.colour());
        this.logs = new LogStore(options.logBufferLines());
        this.loop = loop;
        this.workers = workers;
        Map<String, Boolean> hasChecks = new LinkedHashMap<>();
        for (ComputeResource r : model.computeResources()) {
            gates.put(key(r.name()), new ConsoleGate());
            hasChecks.put(key(r.name()), !r.settings().healthChecks().isEmpty());
        }
        store.addListener(new StateChangeReporter(console, n -> gates.containsKey(key(n)),
                n -> hasChecks.getOrDefault(key(n), false)));
        store.addListener(failures);
    }

    /** The folder of the AppHost this run belongs to. */
    public Path appHostDirectory() {
        return appHostDirectory;
    }

    /** The AppHost's user secrets, or {@code null} when this run keeps none (tests). */
    public UserSecrets userSecrets() {
        return secrets;
    }

    /**
     * Starts everything, then blocks until Ctrl+C, {@link #stop()} or the death of the {@code apphost.parentPid}
     * process. Lines typed on standard input are {@link ConsoleCommands}: Enter prints the resource table again.
     */
    public void run() {
        run(System.in, System.console() != null);
    }

    /** {@link #run()}, reading console commands from {@code input}; {@code hint} says so once everything started. */
    void run(java.io.InputStream input, boolean hint) {
        Thread hook = new Thread(() -> {
            int exitCode = stopOnRequest();
            if (exitCode != 0) {
                Runtime.getRuntime().halt(exitCode); // the JVM would otherwise exit 130/143: a clean stop
            }
        }, "apphost-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        watchParent();
        CountDownLatch ended = startRun();
        if (hint) {
            console.info(ConsoleCommands.HINT);
        }
        new ConsoleCommands(console, store::all, this).listen(input);
        try {
            ended.await();
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

    /**
     * Starts every resource (but those with an explicit start); returns once each has started or
     * failed, or waits on a dependency that is not ready yet. After {@link #stop()} it starts again.
     */
    public void start() {
        startRun();
    }

    /** {@link #start()}, returning a latch that opens when this run is stopped. */
    private CountDownLatch startRun() {
        CompletableFuture<Void> settled;
        CountDownLatch ended;
        synchronized (runLock) {
            if (running) {
                return runEnded;
            }
            running = true;
            ended = runEnded;
            prepare();
            failures.runStarted();
            console.starting(appHostDirectory);
            logFiles = ResourceLogFiles.forAppHost(appHostDirectory, configuration);
            reaper = options.reaper() != null ? options.reaper().get()
                    : Boolean.parseBoolean(configuration.get(SHARED_REAPER_KEY, "false")) ? WatchdogReaper.shared()
                    : WatchdogReaper.start();
            proxies = new EndpointProxies();
            executors = options.executors() != null ? options.executors() : List.of(
                    new ProcessExecutor(OtelEnvironment.withAgent(LaunchPlanResolver.forAppHost(appHostDirectory),
                            () -> telemetry), true, proxies),
                    new ContainerExecutor(dev.apphost.containers.ContainerEngineLocator.withConfiguration(
                            options.effectiveContainerEngineEnvironment(), configuration::get), appHostDirectory));
            executors.forEach(e -> e.useReaper(reaper));
            executors.forEach(e -> e.prepare(model.computeResources()));
            settled = lifecycle.startAll();
        }
        join(settled);
        console.table(store.all());
        console.started();
        join(lifecycle.reportOutcome());
        return ended;
    }

    /** Stops every resource, dependents before their dependencies, within {@code AppHost:ShutdownTimeout} in all. */
    public void stop() {
        CountDownLatch ended;
        synchronized (runLock) {
            if (!running) {
                return;
            }
            ended = runEnded;
            loop.post(failures::stopStarted); // on the loop, after the state changes already under way
            console.stopping();
            join(lifecycle.stopAll(options.shutdownTimeout()));
            executors.forEach(ResourceExecutor::closeQuietly);
            proxies.close(); // after the stop: a restart of a proxied resource kept its host port until now
            reaper.close();
            logFiles.close();
            if (allocation != null) {
                allocation.releaseAll();
            }
            writeOutcome();
            console.stopped();
            running = false;
            runEnded = new CountDownLatch(1);
        }
        ended.countDown();
    }

    /**
     * Ctrl+C or SIGTERM: {@link #stop()}, then the exit code the AppHost should end with,
     * {@link RunOutcome#STOPPED_AFTER_FAILURES} if resources failed during the run, else 0.
     */
    int stopOnRequest() {
        stop();
        return RunOutcome.exitCodeAfterStop(failures.list());
    }

    /** {@link RunOutcome}'s file, for the Maven plugin to name what failed. */
    private void writeOutcome() {
        try {
            RunOutcome.write(appHostDirectory, failures.list());
        } catch (java.io.IOException | RuntimeException e) {
            console.info("apphost: cannot write " + RunOutcome.file(appHostDirectory) + ": " + e.getMessage());
        }
    }

    /** Whether {@link #start()} ran and {@link #stop()} has not. */
    public boolean isRunning() {
        synchronized (runLock) {
            return running;
        }
    }

    /**
     * Gives every resource started from now on the OpenTelemetry variables of {@code otel}, and project
     * JVMs its agent; {@code null} turns that off. Call before {@link #start()}.
     */
    public void useTelemetry(OtelEnvironment otel) {
        this.telemetry = otel;
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

    /** The output of every resource. */
    public ResourceLogs logs() {
        return logs;
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

    /** Shorthand for {@code logs().lines(resource)}. */
    public List<LogLine> lines(String resource) {
        return logs.lines(resource);
    }

    /** Shorthand for {@code logs().tail(resource, count)}. */
    public List<String> tail(String resource, int count) {
        return logs.tail(resource, count);
    }

    // ---- commands ----

    @Override
    public ExecuteCommandResult executeCommand(String resourceName, String commandName) {
        prepare();
        if (resourceName == null || commandName == null) {
            return ExecuteCommandResult.failure("Both the resource name and the command name are required.");
        }
        if (!isRunning()) {
            return ExecuteCommandResult.failure("The application is not running: call start() or run() first.");
        }
        ComputeResource resource = model.computeResources().stream()
                .filter(r -> r.name().equalsIgnoreCase(resourceName)).findFirst().orElse(null);
        if (resource != null && !ResourceCommandCatalog.isBuiltIn(commandName)) {
            return ResourceCommandCatalog.executeCustom(resource, commandName, store, this);
        }
        return join(lifecycle.execute(resourceName, commandName, options.shutdownTimeout()));
    }

    @Override
    public List<ResourceCommand> commands(String resourceName) {
        prepare();
        ComputeResource resource = model.computeResources().stream()
                .filter(r -> r.name().equalsIgnoreCase(resourceName)).findFirst()
                .orElseThrow(() -> new DistributedApplicationException("No resource named '" + resourceName
                        + "' has commands; only projects, executables and containers do."));
        return ResourceCommandCatalog.list(resource, store.snapshot(resource.name()).state(), isRunning());
    }

    // ---- endpoints and connection strings ----

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

    /** Reads parameters and allocates ports, once: restarts and later runs keep them. */
    private synchronized void prepare() {
        if (allocation != null) {
            return;
        }
        parameters = new ParameterValues(model, configuration, secrets);
        allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator(),
                Boolean.parseBoolean(configuration.get(EndpointAllocation.RANDOMIZE_PORTS_KEY, "false")));
        values = new RunValues(model, parameters::value, allocation);
        requests = new LaunchRequestResolver(planner, values, allocation, () -> telemetry);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (Resource r : model.all()) {
            types.put(r.name(), typeOf(r));
            urls.put(r.name(), allocation.of(r.name()).stream().map(e -> e.url(Network.HOST)).toList());
        }
        lifecycle = new ResourceLifecycle(model.computeResources(), types, urls, graph, store, loop, workers,
                new Hooks());
        Map<String, ResourceSnapshot> compute = new LinkedHashMap<>();
        lifecycle.initialSnapshots().forEach(s -> compute.put(s.name(), s));
        for (Resource r : model.all()) {
            ResourceSnapshot s = compute.get(r.name());
            if (s == null) {
                String state = RUNNING;
                String message = null;
                if (r instanceof ParameterResource p && parameters.isMissing(p.name())) {
                    state = ResourceStates.VALUE_MISSING;
                    message = parameters.missing().get(p.name());
                }
                s = ResourceSnapshot.of(r.name(), typeOf(r), state, message, urls.get(r.name()));
            }
            store.put(s);
        }
    }

    /** What the lifecycle asks of the run: starting a resource, its health checks, the console. */
    private final class Hooks implements ResourceLifecycle.Hooks {

        @Override
        public RunningResource launch(ComputeResource resource) throws ResourceStartException {
            String name = resource.name();
            if (allocation.problem(name) != null) {
                throw new ResourceStartException(allocation.problem(name));
            }
            ResourceExecutor executor = executors.stream().filter(e -> e.supports(resource)).findFirst().orElse(null);
            if (executor == null) {
                throw new ResourceStartException("No executor can run " + typeOf(resource).toLowerCase(Locale.ROOT)
                        + " resource '" + name + "' in this build.");
            }
            LaunchRequest request = requests.resolve(resource, executor.network());
            ConsoleGate gate = gates.get(key(name));
            gate.close();
            return executor.start(resource, request, new ResourceOutput(name, gate, logs, () -> logFiles, console));
        }

        @Override
        public List<dev.apphost.HealthCheck> healthChecks(ComputeResource resource) {
            List<dev.apphost.HealthCheck> checks = new ArrayList<>();
            for (var check : resource.settings().healthChecks()) {
                checks.add(ReadinessChecks.forHealthCheck(resource.name(), check, allocation.of(resource.name()),
                        parameters::value));
            }
            return checks;
        }

        @Override
        public void published(ResourceController c, String previousState) {
            String state = c.state();
            if (!state.equals(previousState) && !NOT_STARTED.equals(state)
                    && (RUNNING.equals(state) || ResourceStates.isIdle(state))) {
                gates.get(key(c.name)).open();
            }
        }

        @Override
        public String exitMessage(String resource, int exitCode) {
            List<String> tail = logs.tail(resource, 10);
            return "Resource '" + resource + "' exited with code " + exitCode + "." + (tail.isEmpty() ? ""
                    : " Last output:" + System.lineSeparator() + "    "
                            + String.join(System.lineSeparator() + "    ", tail));
        }

        @Override
        public void waiting(String line) {
            console.info(line);
        }

        @Override
        public void dependencyLost(String dependent, String dependency, String state) {
            console.warn("[" + dependent + "] keeps running, but " + dependency + ", which it waits for, is " + state
                    + " now.");
        }

        @Override
        public void outcome(List<String> failed) {
            if (failed.isEmpty()) {
                console.table(store.all());
                console.allReady();
            } else {
                console.failed(failed);
            }
        }

        @Override
        public void watch(RunningResource r) {
            r.processes().forEach(reaper::watch);
        }

        @Override
        public void release(RunningResource r) {
            r.processes().forEach(reaper::release);
        }
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

    /** Waits for a lifecycle operation; never on the lifecycle thread itself, which would wait for itself. */
    private <T> T join(CompletableFuture<T> future) {
        if (loop.inLoop()) {
            throw new IllegalStateException("Starting, stopping or running a command waits for the lifecycle thread; "
                    + "it cannot be done from that thread (from a state listener): use a subscription instead.");
        }
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static String typeOf(Resource r) {
        String simple = r.getClass().getSimpleName();
        return simple.endsWith("Resource") ? simple.substring(0, simple.length() - "Resource".length()) : simple;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
