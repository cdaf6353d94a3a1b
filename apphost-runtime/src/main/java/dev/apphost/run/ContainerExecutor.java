package dev.apphost.run;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineException;
import dev.apphost.containers.ContainerRuntimeArgs;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.DockerJavaContainerEngine;
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
 *   <li>at first use: {@link OrphanSweeper#sweep} removes what dead app hosts left, the reaper is
 *       told the session (so a SIGKILL of the AppHost leaves nothing), and one bridge network
 *       {@code apphost-<session>} is created; every container joins it under its resource name;</li>
 *   <li>each container is {@code <resource>-<8 random lowercase letters>}, with the image ensured
 *       (pulled with progress lines in the resource's log when missing), the environment and args
 *       resolved for {@link Network#CONTAINER}, its endpoints' target ports published on
 *       127.0.0.1 at the host ports allocated up front, {@code init}, {@code host.docker.internal}
 *       and the session labels;</li>
 *   <li>{@link #close()} removes whatever of the session is left, then its network.</li>
 * </ul>
 */
public final class ContainerExecutor implements ResourceExecutor {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a stopped container's log follow may take to deliver its last lines. */
    private static final Duration LOG_DRAIN = Duration.ofSeconds(2);

    private final Supplier<ContainerEngine> connector;
    private final boolean sharedEngine;
    private final String appName;
    private volatile ProcessReaper reaper = ProcessReaper.NONE;
    private final Object lock = new Object();
    private CompletableFuture<Session> session;
    private boolean needsNetwork = true;
    private boolean closed;

    /**
     * Finds the engine with {@link dev.apphost.containers.ContainerEngineLocator} over {@code engineEnvironment}, once per JVM
     * ({@link SharedContainerEngines}): the connection outlives this executor.
     */
    public ContainerExecutor(Map<String, String> engineEnvironment, String appName) {
        this(() -> SharedContainerEngines.connect(engineEnvironment), appName, true);
    }

    /** As {@link #ContainerExecutor(Map, String)}, the app named after the AppHost's folder. */
    public ContainerExecutor(Map<String, String> engineEnvironment, java.nio.file.Path appHostDirectory) {
        this(engineEnvironment, appNameOf(appHostDirectory));
    }

    /** Uses the engine {@code connector} returns (called once, on the first container), and closes it at the end. */
    public ContainerExecutor(Supplier<ContainerEngine> connector, String appName) {
        this(connector, appName, false);
    }

    private ContainerExecutor(Supplier<ContainerEngine> connector, String appName, boolean sharedEngine) {
        this.connector = connector;
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
     * network is made only for two containers or more: it is how containers reach each other by name,
     * and a lone container needs none (it reaches host processes through {@code host.docker.internal}).
     */
    @Override
    public void prepare(List<ComputeResource> resources) {
        long containers = resources.stream().filter(this::supports).count();
        synchronized (lock) {
            needsNetwork = containers != 1;
            if (containers > 0 && session == null && !closed) {
                session = CompletableFuture.supplyAsync(this::openSession, SESSION_OPENER);
            }
        }
    }

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
        Session s = session(name);
        String swept = s.takeSweepReport();
        if (swept != null) {
            logs.line(LogLine.Stream.STDOUT, swept);
        }
        String image = container.imageReference();
        try {
            s.engine.ensureImage(image, line -> logs.line(LogLine.Stream.STDOUT, line));
        } catch (ImageNotFoundException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: " + e.getMessage(), e);
        } catch (ContainerEngineException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: image '" + image
                    + "' could not be checked: " + e.getMessage(), e);
        }
        ContainerSpec spec = spec(container, request, s);
        StartedContainer started;
        try {
            if (s.engine instanceof DockerJavaContainerEngine docker) {
                List<String> anonymous = container.volumes().stream().filter(v -> v.name() == null || v.name().isBlank())
                        .map(VolumeMount::target).toList();
                started = docker.createAndStart(spec, cmd -> {
                    if (!anonymous.isEmpty()) {
                        cmd.withVolumes(anonymous.stream().map(com.github.dockerjava.api.model.Volume::new).toList());
                    }
                });
            } else {
                started = s.engine.createAndStart(spec);
            }
        } catch (HostPortInUseException e) {
            boolean fixed = container.endpoints().stream().anyMatch(p -> Integer.valueOf(e.hostPort()).equals(p.port()));
            throw new ResourceStartException(fixed
                    ? "Port " + e.hostPort() + " of container resource '" + name + "' is already in use by another "
                            + "process or container; stop it or choose another port (" + e.getMessage() + ")"
                    : "Port " + e.hostPort() + ", which the AppHost allocated for container resource '" + name
                            + "' and held until now, was taken by another program in the moment before the container "
                            + "published it; start the application again (" + e.getMessage() + ")", e);
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
        return new RunningContainer(s.engine, started, follow);
    }

    private ContainerSpec spec(ContainerResource container, LaunchRequest request, Session s)
            throws ResourceStartException {
        String name = container.name();
        ContainerSpec.Builder spec = ContainerSpec.builder(name + "-" + randomLetters(8), container.imageReference())
                .env(request.environment())
                .args(request.args())
                .labels(ResourceLabels.forSession(s.id).app(appName).resource(name).build());
        if (s.networkName != null) {
            spec.network(s.networkName, name);
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
            String sweepReport = null;
            try {
                RemovalResult swept = OrphanSweeper.sweep(engine);
                if (swept.containers() + swept.networks() > 0) {
                    sweepReport = "apphost: removed " + swept.containers() + " containers and "
                            + swept.networks() + " networks left behind by app hosts that died";
                }
            } catch (RuntimeException e) {
                sweepReport = "apphost: the sweep for leftovers of dead app hosts failed: " + e.getMessage();
            }
            reaper.watchContainerSession(id, engine.connectionEnvironment());
            // Before the first label is written: the labels carry the lease, the sweep's proof of life.
            OwnerLease lease;
            try {
                lease = OwnerLease.acquire(id);
            } catch (RuntimeException e) {
                lease = null;
                sweepReport = (sweepReport == null ? "" : sweepReport + System.lineSeparator())
                        + "apphost: no session lease (" + e.getMessage() + "); other app hosts will judge this one's "
                        + "containers by its process identity only";
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
                return new Session(engine, id, networkName, lease, sweepReport);
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

    @Override
    public void close() {
        CompletableFuture<Session> opening;
        synchronized (lock) {
            closed = true;
            opening = session;
        }
        Session s;
        try {
            s = opening == null ? null : opening.join();
        } catch (java.util.concurrent.CompletionException noEngine) {
            s = null;
        }
        if (s == null) {
            return;
        }
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
        private String startupReport;

        Session(ContainerEngine engine, String id, String networkName, OwnerLease lease, String startupReport) {
            this.engine = engine;
            this.id = id;
            this.networkName = networkName;
            this.lease = lease;
            this.startupReport = startupReport;
        }

        /** What the sweep removed (and a lease that could not be taken), once: it goes to the first container's log. */
        synchronized String takeSweepReport() {
            String report = startupReport;
            startupReport = null;
            return report;
        }
    }

    private static final java.util.concurrent.Executor SESSION_OPENER = task -> {
        Thread t = new Thread(task, "apphost-container-session");
        t.setDaemon(true);
        t.start();
    };

    /** A started container: its exit is awaited on a daemon thread, its output followed into the log. */
    static final class RunningContainer implements RunningResource {

        private final ContainerEngine engine;
        private final StartedContainer container;
        private final LogFollow follow;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        RunningContainer(ContainerEngine engine, StartedContainer container, LogFollow follow) {
            this.engine = engine;
            this.container = container;
            this.follow = follow;
            Thread waiter = new Thread(this::awaitExit, "apphost-wait-" + container.name());
            waiter.setDaemon(true);
            waiter.start();
        }

        private void awaitExit() {
            int code = exitCode();
            if (follow != null) {
                try {
                    follow.awaitCompletion(LOG_DRAIN);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exit.complete(code);
        }

        private int exitCode() {
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
            try {
                engine.stop(container.id(), grace);
                exit.get(LOG_DRAIN.toMillis() + 3000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception ignored) {
                // removed below anyway; the exit is reported by the waiter
            } finally {
                try {
                    engine.remove(container.id());
                } catch (RuntimeException e) {
                    System.err.println("apphost: could not remove container " + container.name() + ": "
                            + e.getMessage());
                }
                if (follow != null) {
                    follow.close();
                }
                exit.complete(137);
            }
        }

        @Override
        public String toString() {
            return container.name();
        }
    }
}
