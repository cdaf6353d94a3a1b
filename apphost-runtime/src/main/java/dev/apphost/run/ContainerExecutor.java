package dev.apphost.run;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineException;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ContainerRuntimeArgs;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.DockerJavaContainerEngine;
import dev.apphost.containers.HostPortInUseException;
import dev.apphost.containers.ImageNotFoundException;
import dev.apphost.containers.LogFollow;
import dev.apphost.containers.LogStream;
import dev.apphost.containers.OrphanSweeper;
import dev.apphost.containers.PortBinding;
import dev.apphost.containers.RemovalResult;
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
 * A persistent container ({@code withLifetime(ContainerLifetime.PERSISTENT)}) is handled by
 * {@link PersistentContainers}: reused when its configuration hash is unchanged, joined to the session
 * network on each run, and left running (only disconnected) when the AppHost stops.
 */
public final class ContainerExecutor implements ResourceExecutor {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a stopped container's log follow may take to deliver its last lines. */
    private static final Duration LOG_DRAIN = Duration.ofSeconds(2);

    private final Supplier<ContainerEngine> connector;
    private final String appName;
    private volatile ProcessReaper reaper = ProcessReaper.NONE;
    private final Object lock = new Object();
    private Session session;
    private String unavailable;
    private boolean closed;

    /** Finds the engine with {@link ContainerEngineLocator} over {@code engineEnvironment}. */
    public ContainerExecutor(Map<String, String> engineEnvironment, String appName) {
        this(() -> new ContainerEngineLocator(engineEnvironment).connect(), appName);
    }

    /** As {@link #ContainerExecutor(Map, String)}, the app named after the AppHost's folder. */
    public ContainerExecutor(Map<String, String> engineEnvironment, java.nio.file.Path appHostDirectory) {
        this(engineEnvironment, appNameOf(appHostDirectory));
    }

    /** Uses the engine {@code connector} returns (called once, on the first container). */
    public ContainerExecutor(Supplier<ContainerEngine> connector, String appName) {
        this.connector = connector;
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

    /** The session id, or {@code null} before the first container. */
    public String sessionId() {
        synchronized (lock) {
            return session == null ? null : session.id;
        }
    }

    @Override
    public RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs)
            throws ResourceStartException {
        ContainerResource container = (ContainerResource) resource;
        String name = container.name();
        Session s = session(name, logs);
        ContainerSpec spec = spec(container, request, s);
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
                            return createAndStart(s, container, persistent, logs);
                        });
                started = outcome.container();
                note = outcome.note();
            } else {
                started = createAndStart(s, container, spec, logs);
            }
        } catch (ImageNotFoundException e) {
            throw new ResourceStartException("Container resource '" + name + "' cannot start: " + e.getMessage(), e);
        } catch (HostPortInUseException e) {
            throw new ResourceStartException("Port " + e.hostPort() + " of container resource '" + name
                    + "' is already in use by another process or container; stop it or choose another port ("
                    + e.getMessage() + ")" + (container.persistent() ? "; the host ports of persistent containers are"
                            + " remembered in " + PersistentPorts.standard().file() + ": delete its lines there to get"
                            + " new ones" : ""), e);
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
        return new RunningContainer(s.engine, started, follow, container.persistent() ? s.networkName : null, note, logs);
    }

    /** Ensures the image (pulling it with progress lines in the log when missing), then creates and starts the container. */
    private StartedContainer createAndStart(Session s, ContainerResource container, ContainerSpec spec, LogSink logs) {
        s.engine.ensureImage(spec.image(), line -> logs.line(LogLine.Stream.STDOUT, line));
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

    private ContainerSpec spec(ContainerResource container, LaunchRequest request, Session s)
            throws ResourceStartException {
        String name = container.name();
        String containerName = container.persistent() ? PersistentContainers.nameOf(container, appName)
                : container.containerName() != null ? container.containerName() : name + "-" + randomLetters(8);
        ContainerSpec.Builder spec = ContainerSpec.builder(containerName, container.imageReference())
                .env(request.environment())
                .args(request.args())
                .network(s.networkName, name)
                .labels(ResourceLabels.forSession(s.id).app(appName).resource(name).build());
        if (container.entrypoint() != null) {
            spec.entrypoint(container.entrypoint());
        }
        for (BindMount mount : container.bindMounts()) {
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

    /** The session, created on first use; every later container fails fast with the same reason when there is no engine. */
    private Session session(String resource, LogSink logs) throws ResourceStartException {
        synchronized (lock) {
            if (closed) {
                throw new ResourceStartException("The application is stopping.");
            }
            if (session != null) {
                return session;
            }
            if (unavailable == null) {
                try {
                    session = openSession(logs);
                    return session;
                } catch (RuntimeException e) {
                    unavailable = e.getMessage();
                }
            }
            throw new ResourceStartException("Container resource '" + resource + "' cannot start: " + unavailable);
        }
    }

    private Session openSession(LogSink logs) {
        ContainerEngine engine = connector.get();
        try {
            String id = randomLetters(12);
            try {
                RemovalResult swept = OrphanSweeper.sweep(engine);
                if (swept.containers() + swept.networks() > 0) {
                    logs.line(LogLine.Stream.STDOUT, "apphost: removed " + swept.containers() + " containers and "
                            + swept.networks() + " networks left behind by app hosts that died");
                }
            } catch (RuntimeException e) {
                logs.line(LogLine.Stream.STDERR, "apphost: the sweep for leftovers of dead app hosts failed: "
                        + e.getMessage());
            }
            reaper.watchContainerSession(id, engine.info().host());
            String networkName = "apphost-" + id;
            engine.createNetwork(networkName, ResourceLabels.forSession(id).app(appName).build());
            return new Session(engine, id, networkName);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Session s;
        synchronized (lock) {
            closed = true;
            s = session;
        }
        if (s == null) {
            return;
        }
        try {
            s.engine.removeAll(ResourceLabels.sessionFilter(s.id));
            s.engine.removeNetwork(s.networkName);
        } catch (RuntimeException e) {
            System.err.println("apphost: could not remove all containers of session " + s.id + " (" + e.getMessage()
                    + "); the reaper or the next start will.");
        } finally {
            s.engine.close();
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

    private record Session(ContainerEngine engine, String id, String networkName) {
    }

    /** A started container: its exit is awaited on a daemon thread, its output followed into the log. */
    static final class RunningContainer implements RunningResource {

        private final ContainerEngine engine;
        private final StartedContainer container;
        private final LogFollow follow;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        /** For a persistent container: the session network it joined; {@code null} for a session container. */
        private final String sessionNetwork;
        private final String note;
        private final LogSink logs;

        RunningContainer(ContainerEngine engine, StartedContainer container, LogFollow follow, String sessionNetwork,
                String note, LogSink logs) {
            this.logs = logs;
            this.engine = engine;
            this.container = container;
            this.follow = follow;
            this.sessionNetwork = sessionNetwork;
            this.note = note;
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
                    if (sessionNetwork == null) {
                        engine.remove(container.id());
                    } else {
                        engine.disconnectNetwork(sessionNetwork, container.id()); // kept, stopped, for the next start
                    }
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

        /** A persistent container is left running, out of the session network, for the next run. */
        @Override
        public void release(Duration grace) {
            if (sessionNetwork == null) {
                stop(grace);
                return;
            }
            try {
                engine.disconnectNetwork(sessionNetwork, container.id());
            } catch (RuntimeException e) {
                System.err.println("apphost: could not disconnect persistent container " + container.name()
                        + " from the session network: " + e.getMessage());
            }
            if (follow != null) {
                follow.close();
            }
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
}
