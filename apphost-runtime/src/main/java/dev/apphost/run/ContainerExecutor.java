package dev.apphost.run;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineException;
import dev.apphost.containers.ContainerRuntimeArgs;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.DockerJavaContainerEngine;
import dev.apphost.containers.EngineQuickLook;
import dev.apphost.containers.HostPortInUseException;
import dev.apphost.containers.ImageNotFoundException;
import dev.apphost.containers.LogFollow;
import dev.apphost.containers.LogStream;
import dev.apphost.containers.OrphanSweeper;
import dev.apphost.containers.OwnerLease;
import dev.apphost.containers.PortBinding;
import dev.apphost.containers.RemovalResult;
import dev.apphost.containers.SharedContainerEngines;
import dev.apphost.containers.ResourceLabels;
import dev.apphost.containers.StartedContainer;
import dev.apphost.model.BindMount;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.VolumeMount;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.Network;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs container resources on a Docker-compatible engine, one session per run:
 * <ul>
 *   <li>the engine is connected lazily, on the first container, under the locator's bounded ping;
 *       when none answers (or it hangs) every container fails to start with the locator's message
 *       (what was tried, how to fix it) and the processes of the app run on;</li>
 *   <li>at first use: {@link OrphanSweeper#sweep} removes what dead app hosts left (beside the first
 *       creates, not before them), the reaper is
 *       told the session (so a SIGKILL of the AppHost leaves nothing), and, when one container may reach
 *       another ({@link SessionNetworkNeed}), one bridge network {@code apphost-<session>} is created;
 *       every container joins it under its resource name;</li>
 *   <li>each container is {@code <resource>-<8 random lowercase letters>}, with the image ensured
 *       (pulled with progress lines in the resource's log when missing), the environment and args
 *       resolved for {@link Network#CONTAINER}, its endpoints' target ports published on
 *       127.0.0.1 at the host ports allocated up front, {@code init}, {@code host.docker.internal}
 *       and the session labels;</li>
 *   <li>{@link #close()} removes whatever of the session is left, then its network.</li>
 * </ul>
 * A persistent container ({@code withLifetime(ContainerLifetime.PERSISTENT)}) is handled by
 * {@link PersistentContainers}: reused when its configuration hash is unchanged, joined to the session
 * network on each run, and left running (only disconnected) when the AppHost stops.
 */
public final class ContainerExecutor implements ResourceExecutor {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<ContainerEngine> connector;
    /** Where the engine is, for {@link EngineQuickLook}; {@code null}: only through {@link #connector}. */
    private final Map<String, String> engineEnvironment;
    private final boolean sharedEngine;
    private final String appName;
    private volatile ProcessReaper reaper = ProcessReaper.NONE;
    private final Object lock = new Object();
    private CompletableFuture<Session> session;
    private boolean needsNetwork = true;
    /** Whether a start went through the session (only reused persistent containers did not). */
    private boolean sessionUsed;
    private boolean closed;

    /**
     * Finds the engine with {@link dev.apphost.containers.ContainerEngineLocator} over {@code engineEnvironment}, once per JVM
     * ({@link SharedContainerEngines}): the connection outlives this executor.
     */
    public ContainerExecutor(Map<String, String> engineEnvironment, String appName) {
        this(() -> SharedContainerEngines.connect(engineEnvironment), engineEnvironment, appName, true);
    }

    /** As {@link #ContainerExecutor(Map, String)}, the app named after the AppHost's folder. */
    public ContainerExecutor(Map<String, String> engineEnvironment, java.nio.file.Path appHostDirectory) {
        this(engineEnvironment, appNameOf(appHostDirectory));
    }

    /** Uses the engine {@code connector} returns (called once, on the first container), and closes it at the end. */
    public ContainerExecutor(Supplier<ContainerEngine> connector, String appName) {
        this(connector, null, appName, false);
    }

    /** As {@link #ContainerExecutor(Supplier, String)}, a persistent container looked up through {@code engineEnvironment} while it connects. */
    ContainerExecutor(Supplier<ContainerEngine> connector, Map<String, String> engineEnvironment, String appName) {
        this(connector, engineEnvironment, appName, false);
    }

    private ContainerExecutor(Supplier<ContainerEngine> connector, Map<String, String> engineEnvironment, String appName,
            boolean sharedEngine) {
        this.connector = connector;
        this.engineEnvironment = engineEnvironment == null ? null : Map.copyOf(engineEnvironment);
        this.sharedEngine = sharedEngine;
        this.appName = appName == null || appName.isBlank() ? "apphost" : appName;
    }

    @Override
    public boolean supports(ComputeResource resource) {
        return resource instanceof ContainerResource;
    }

    @Override
    public Network network() {
        return Network.CONTAINER;
    }

    @Override
    public void useReaper(ProcessReaper value) {
        reaper = value;
    }

    /**
     * Opens the session in the background as soon as the run starts, so that finding the engine, the
     * sweep and the session network overlap with everything before the first container's create. The
     * network is made only when a container may reach another ({@link SessionNetworkNeed}): it is how
     * containers reach each other by name, and others need none (they reach host processes through
     * {@code host.docker.internal}).
     */
    @Override
    public void prepare(List<ComputeResource> resources) {
        long containers = resources.stream().filter(this::supports).count();
        boolean persistent = resources.stream().anyMatch(r -> r instanceof ContainerResource c && c.persistent());
        synchronized (lock) {
            needsNetwork = SessionNetworkNeed.containersReachEachOther(resources);
            if (containers > 0 && session == null && !closed) {
                session = CompletableFuture.supplyAsync(this::openSession, SESSION_OPENER);
                // the look that may let a running persistent container be reused, taken beside the session's
                // start; a new session (start() after stop()) takes a new look
                quickLook = persistent && !needsNetwork && engineEnvironment != null
                        ? CompletableFuture.supplyAsync(() -> EngineQuickLook.list(engineEnvironment,
                                ResourceLabels.persistentFilter(), QUICK_LOOK), SESSION_OPENER)
                        : null;
            }
        }
    }

    /** The persistent containers as one plain-socket look saw them at {@link #prepare}, or {@code null}. */
    private CompletableFuture<java.util.Optional<List<dev.apphost.containers.ManagedContainer>>> quickLook;

    /** The session id, or {@code null} before the first container. */
    public String sessionId() {
        CompletableFuture<Session> s;
        synchronized (lock) {
            s = session;
        }
        return s == null || !s.isDone() || s.isCompletedExceptionally() ? null : s.join().id;
    }

    @Override
    public RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs)
            throws ResourceStartException {
        ContainerResource container = (ContainerResource) resource;
        String name = container.name();
        RunningResource reused = reuseWhileConnecting(container, request, logs);
        if (reused != null) {
            return reused;
        }
        Session s = session(name);
        s.reportTo(logs);
        String image = container.imageReference();
        try {
            if (!container.persistent()) { // a persistent one checks its image only when it has to be created
                s.engine.ensureImage(image, line -> logs.line(LogLine.Stream.STDOUT, line));
            }
        } catch (ImageNotFoundException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: " + e.getMessage(), e);
        } catch (ContainerEngineException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: image '" + image
                    + "' could not be checked: " + e.getMessage(), e);
        }
        ContainerSpec spec = spec(container, request, s.id, s.networkName);
        StartedContainer started;
        String note = null;
        try {
            if (container.persistent()) {
                // a reused container needs neither its image checked nor its network: that is done on creation only
                String hash = PersistentContainers.configHash(spec, container);
                // created on the persistent network with persistent labels; it joins the session network below
                ContainerSpec persistent = new ContainerSpec(spec.name(), spec.image(), spec.env(), spec.args(),
                        spec.entrypoint(), spec.ports(), spec.bindMounts(), spec.volumes(), PersistentContainers.NETWORK,
                        List.of(), PersistentContainers.labels(appName, name, hash), spec.init(), spec.extraHosts(),
                        spec.runtimeArgs(), spec.workingDir());
                var outcome = PersistentContainers.startOrReuse(s.engine, persistent, hash, s.networkName, name, logs,
                        () -> {
                            PersistentContainers.ensureNetwork(s.engine);
                            s.engine.ensureImage(persistent.image(), line -> logs.line(LogLine.Stream.STDOUT, line));
                            return createAndStart(s, container, persistent);
                        });
                started = outcome.container();
                note = outcome.note();
            } else {
                started = createAndStart(s, container, spec);
            }
        } catch (ImageNotFoundException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: " + e.getMessage(), e);
        } catch (HostPortInUseException e) {
            boolean fixed = container.endpoints().stream().anyMatch(p -> Integer.valueOf(e.hostPort()).equals(p.port()));
            String persistentHint = container.persistent() ? "; the host ports of persistent containers are remembered in "
                    + PersistentPorts.standard().file() + ": delete its lines there to get new ones" : "";
            throw new ResourceStartException((fixed
                    ? "Port " + e.hostPort() + " of container resource '" + name + "' is already in use by another "
                            + "process or container; stop it or choose another port (" + e.getMessage() + ")"
                    : "Port " + e.hostPort() + ", which the AppHost allocated for container resource '" + name
                            + "' and held until now, was taken by another program in the moment before the container "
                            + "published it; start the application again (" + e.getMessage() + ")") + persistentHint, e);
        } catch (ContainerEngineException e) {
            throw new ResourceStartException("Container resource '" + name + "' could not be started: "
                    + e.getMessage(), e);
        }
        LogFollow follow;
        try {
            follow = s.engine.followLogs(started.id(), (stream, line) ->
                    logs.line(stream == LogStream.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, line));
        } catch (RuntimeException e) {
            logs.line(LogLine.Stream.STDERR, "apphost: cannot follow the output of " + started.name() + ": " + e);
            follow = null;
        }
        return new RunningContainer(s.engine, started, follow, container.persistent(), s.networkName, note, logs);
    }

    /** Creates and starts the container, its image ensured before. */
    private StartedContainer createAndStart(Session s, ContainerResource container, ContainerSpec spec) {
        if (s.engine instanceof DockerJavaContainerEngine docker) {
            List<String> anonymous = container.volumes().stream().filter(v -> v.name() == null || v.name().isBlank())
                    .map(VolumeMount::target).toList();
            return docker.createAndStart(spec, cmd -> {
                if (!anonymous.isEmpty()) {
                    cmd.withVolumes(anonymous.stream().map(com.github.dockerjava.api.model.Volume::new).toList());
                }
            });
        }
        return s.engine.createAndStart(spec);
    }

    /**
     * A persistent container found running with its configuration unchanged, by one look at the engine
     * over a plain socket while the session (and, in a fresh JVM, docker-java) is still connecting: it
     * is reused at once, and its exit and output are watched once the session is open. {@code null}
     * when that does not apply (the session is open already, a session network is to be joined, the
     * container is missing, stopped or changed, or the look failed): the ordinary path follows.
     */
    private RunningResource reuseWhileConnecting(ContainerResource container, LaunchRequest request, LogSink logs)
            throws ResourceStartException {
        CompletableFuture<Session> opening;
        CompletableFuture<java.util.Optional<List<dev.apphost.containers.ManagedContainer>>> look;
        synchronized (lock) {
            // the look is taken in prepare() exactly when a reuse can apply (persistent, no session network)
            if (!container.persistent() || quickLook == null || needsNetwork || session == null
                    || session.isDone() || closed) {
                return null;
            }
            opening = session;
            look = quickLook;
        }
        ContainerSpec spec = spec(container, request, null, null);
        String hash = PersistentContainers.configHash(spec, container);
        java.util.Optional<dev.apphost.containers.ManagedContainer> found;
        try {
            found = look.get(QUICK_LOOK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .flatMap(all -> all.stream().filter(c -> c.name().equals(spec.name())).findFirst());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            found = java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = java.util.Optional.empty();
        }
        if (found.isEmpty() || !"running".equals(found.get().state())
                || !hash.equals(found.get().labels().get(ResourceLabels.CONFIG_HASH))) {
            return null;
        }
        String note = PersistentContainers.reusedNote(spec.name(), found.get().id());
        logs.line(LogLine.Stream.STDOUT, "apphost: " + note);
        opening.thenAccept(s -> s.reportTo(logs));
        return RunningContainer.whenConnected(opening.thenApply(s -> s.engine),
                new StartedContainer(found.get().id(), spec.name(), List.of()), note, logs);
    }

    /** The deadline of {@link #reuseWhileConnecting}'s look: past it, the ordinary path is taken. */
    private static final Duration QUICK_LOOK = Duration.ofSeconds(1);

    /** The container's spec; {@code sessionId} {@code null}: without session labels (a persistent container's own replace them). */
    private ContainerSpec spec(ContainerResource container, LaunchRequest request, String sessionId, String networkName)
            throws ResourceStartException {
        String name = container.name();
        String containerName = container.persistent() ? PersistentContainers.nameOf(container, appName)
                : container.containerName() != null ? container.containerName() : name + "-" + randomLetters(8);
        ContainerSpec.Builder spec = ContainerSpec.builder(containerName, container.imageReference())
                .env(request.environment())
                .args(request.args());
        if (sessionId != null) {
            spec.labels(ResourceLabels.forSession(sessionId).app(appName).resource(name).build());
        }
        if (networkName != null) {
            spec.network(networkName, name);
        }
        if (container.entrypoint() != null) {
            spec.entrypoint(container.entrypoint());
        }
        for (BindMount mount : container.bindMounts()) {
            if (!java.nio.file.Files.exists(mount.source())) {
                throw new ResourceStartException("Container resource '" + name + "' cannot start: the bind-mount source "
                        + mount.source() + " (for " + mount.target() + ") does not exist; the engine would create an "
                        + "empty, root-owned folder there. Create it before the app starts, or fix the path given to "
                        + "withBindMount (relative paths resolve against the AppHost's folder).");
            }
            spec.bindMount(mount.source(), mount.target(), mount.readOnly());
        }
        for (VolumeMount volume : container.volumes()) {
            if (volume.name() != null && !volume.name().isBlank()) {
                spec.volume(volume.name(), volume.target(), volume.readOnly());
            }
        }
        for (AllocatedEndpoint endpoint : request.endpoints()) {
            spec.port(new PortBinding(endpoint.targetPort(), "udp".equals(endpoint.scheme())
                    ? PortBinding.Protocol.UDP : PortBinding.Protocol.TCP, endpoint.hostPort()));
        }
        try {
            spec.runtimeArgs(ContainerRuntimeArgs.parse(container.runtimeArgs()));
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * The session, opened by {@link #prepare} or here on first use; when there is no engine, every
     * container fails fast with the same reason.
     */
    private Session session(String resource) throws ResourceStartException {
        CompletableFuture<Session> opening;
        synchronized (lock) {
            if (closed) {
                throw new ResourceStartException("The application is stopping.");
            }
            if (session == null) {
                session = CompletableFuture.completedFuture(null).thenApply(v -> openSession());
            }
            opening = session;
            sessionUsed = true;
        }
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ResourceStartException("Container resource '" + resource + "' cannot start: "
                    + cause.getMessage(), cause);
        }
    }

    private Session openSession() {
        ContainerEngine engine = connector.get();
        try {
            String id = randomLetters(12);
            synchronized (lock) {
                if (closed && !sessionUsed) { // the run ended without needing it: register nothing
                    return new Session(engine, id, null, null, null, CompletableFuture.completedFuture(null));
                }
            }
            // The sweep removes only what dead owners left, never this session's: it runs beside the
            // first creates instead of before them.
            CompletableFuture<String> sweep = CompletableFuture.supplyAsync(() -> sweep(engine), SESSION_OPENER);
            reaper.watchContainerSession(id, engine.connectionEnvironment());
            // Before the first label is written: the labels carry the lease, the sweep's proof of life.
            OwnerLease lease;
            String leaseReport = null;
            try {
                lease = OwnerLease.acquire(id);
            } catch (RuntimeException e) {
                lease = null;
                leaseReport = "apphost: no session lease (" + e.getMessage() + "); other app hosts will judge this "
                        + "one's containers by its process identity only";
            }
            try {
                String networkName = null;
                boolean network;
                synchronized (lock) {
                    network = needsNetwork;
                }
                if (network) {
                    networkName = "apphost-" + id;
                    engine.createNetwork(networkName, ResourceLabels.forSession(id).app(appName).build());
                }
                return new Session(engine, id, networkName, lease, leaseReport, sweep);
            } catch (RuntimeException e) {
                if (lease != null) {
                    lease.close();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            if (!sharedEngine) {
                engine.close();
            }
            throw e;
        }
    }

    /** Sweeps for leftovers of dead app hosts; returns what to tell the user, or {@code null}. */
    private static String sweep(ContainerEngine engine) {
        try {
            RemovalResult swept = OrphanSweeper.sweep(engine);
            return swept.containers() + swept.networks() == 0 ? null : "apphost: removed " + swept.containers()
                    + " containers and " + swept.networks() + " networks left behind by app hosts that died";
        } catch (RuntimeException e) {
            return "apphost: the sweep for leftovers of dead app hosts failed: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        CompletableFuture<Session> opening;
        boolean used;
        synchronized (lock) {
            closed = true;
            opening = session;
            used = sessionUsed;
        }
        if (opening != null && !used && !opening.isDone()) {
            // Nothing was made in the session (a reused persistent container needs none): the AppHost
            // need not wait for the engine connection to end it; it is released once open.
            opening.thenAccept(this::closeSession);
            return;
        }
        Session s;
        try {
            s = opening == null ? null : opening.join();
        } catch (java.util.concurrent.CompletionException noEngine) {
            s = null;
        }
        if (s != null) {
            closeSession(s);
        }
    }

    private void closeSession(Session s) {
        try {
            s.engine.removeAll(ResourceLabels.sessionFilter(s.id));
            if (s.networkName != null) {
                s.engine.removeNetwork(s.networkName);
            }
        } catch (RuntimeException e) {
            System.err.println("apphost: could not remove all containers of session " + s.id + " (" + e.getMessage()
                    + "); the reaper or the next start will.");
        } finally {
            if (!sharedEngine) {
                s.engine.close();
            }
            if (s.lease != null) {
                s.lease.close(); // after the removals: until then a sweep by another app host must see us alive
            }
        }
    }

    /** The app label: the AppHost folder's name. */
    static String appNameOf(java.nio.file.Path appHostDirectory) {
        java.nio.file.Path name = appHostDirectory == null ? null
                : appHostDirectory.toAbsolutePath().normalize().getFileName();
        return name == null ? "apphost" : name.toString();
    }

    static String randomLetters(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    /**
     * One run's containers: their engine, labels' session id, network ({@code null}: none needed) and
     * lease ({@code null}: none could be taken).
     */
    private static final class Session {
        final ContainerEngine engine;
        final String id;
        final String networkName;
        final OwnerLease lease;
        private final List<String> reports = new ArrayList<>();
        /** The first container's log, once a container has started: where the reports go. */
        private LogSink firstLog;

        Session(ContainerEngine engine, String id, String networkName, OwnerLease lease, String leaseReport,
                CompletableFuture<String> sweep) {
            this.engine = engine;
            this.id = id;
            this.networkName = networkName;
            this.lease = lease;
            if (leaseReport != null) {
                reports.add(leaseReport);
            }
            sweep.thenAccept(this::sweepDone);
        }

        private void sweepDone(String report) {
            if (report == null) {
                return;
            }
            LogSink log;
            synchronized (this) {
                if (firstLog == null) {
                    reports.add(report);
                    return;
                }
                log = firstLog;
            }
            log.line(LogLine.Stream.STDOUT, report); // the first container started before the sweep ended
        }

        /**
         * What the sweep removed (and a lease that could not be taken) goes to the first container's
         * log: now, or when the sweep ends.
         */
        void reportTo(LogSink logs) {
            List<String> now;
            synchronized (this) {
                if (firstLog != null) {
                    return;
                }
                firstLog = logs;
                now = List.copyOf(reports);
                reports.clear();
            }
            now.forEach(line -> logs.line(LogLine.Stream.STDOUT, line));
        }
    }

    private static final java.util.concurrent.Executor SESSION_OPENER = task -> {
        Thread t = new Thread(task, "apphost-container-session");
        t.setDaemon(true);
        t.start();
    };
}
