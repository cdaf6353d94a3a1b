package dev.apphost.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Volume;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ContainerEngine} over docker-java (zerodep transport). Obtain one from
 * {@link ContainerEngineLocator#connect()}. Works against Docker and Podman's Docker-compatible API.
 * {@link #dockerClient()} is the escape hatch for anything this API does not cover.
 */
public final class DockerJavaContainerEngine implements ContainerEngine {
    static final Duration QUICK_CALL = Duration.ofSeconds(30);
    static final Duration START_CALL = Duration.ofSeconds(60);
    static final Duration PULL_CALL = Duration.ofMinutes(10);
    private static final Pattern ALLOCATED_PORT = Pattern.compile("(?:Bind for|listen tcp|listen udp|bind:?)\\s*[^\\s]*?:(\\d+)");

    private final DockerClient client;
    private final EngineCallGuard guard;
    private final EngineInfo info;
    private final Map<String, String> connectionEnvironment;
    /** Images {@link #ensureImage} found present; forgotten when a create says the image is missing. */
    private final java.util.Set<String> presentImages = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DockerJavaContainerEngine(DockerClient client, EngineCallGuard guard, EngineInfo info,
            Map<String, String> connectionEnvironment) {
        this.client = client;
        this.guard = guard;
        this.info = info;
        this.connectionEnvironment = Map.copyOf(connectionEnvironment);
    }

    @Override
    public Map<String, String> connectionEnvironment() {
        return connectionEnvironment;
    }

    @Override
    public EngineInfo info() {
        return info;
    }

    /** The underlying docker-java client, for calls this API does not cover (not guarded by our timeouts). */
    public DockerClient dockerClient() {
        return client;
    }

    @Override
    public boolean imageExists(String image) {
        return guard.call("inspect image " + image, QUICK_CALL, () -> {
            try {
                client.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public void ensureImage(String image, Consumer<String> progress) {
        // Once present, an image is not inspected again by this engine: a create that finds it removed
        // since falls back to this method with the image forgotten (see create).
        if (presentImages.contains(image)) {
            return;
        }
        if (imageExists(image)) {
            presentImages.add(image);
            return;
        }
        progress.accept("Pulling " + image);
        String failure = guard.call("pull " + image, PULL_CALL, () -> pull(image, progress));
        if (failure != null || !imageExists(image)) {
            throw new ImageNotFoundException(image, failure != null ? failure : "the pull finished without the image", null);
        }
        presentImages.add(image);
        progress.accept("Pulled " + image);
    }

    /** Pulls {@code image}; returns null on success or the failure text (the pull fails in ~70 ms without a registry). */
    private String pull(String image, Consumer<String> progress) throws InterruptedException {
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Map<String, String> lastStatus = new HashMap<>();
        java.util.concurrent.atomic.AtomicReference<String> error = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            // A digest goes where the tag goes; without either the API would fetch every tag: latest, like the CLI.
            client.pullImageCmd(reference.repository()).withTag(reference.pullTag()).exec(new PullImageResultCallback() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.isErrorIndicated()) {
                        // Podman's error items have no status, which docker-java's callback cannot digest.
                        error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                                ? item.getErrorDetail().getMessage() : item.getError());
                        return;
                    }
                    String id = item.getId() == null ? "" : item.getId() + ": ";
                    if (item.getStatus() != null && !item.getStatus().equals(lastStatus.put(id, item.getStatus()))) {
                        progress.accept(id + item.getStatus());
                    }
                    super.onNext(item);
                }
            }).awaitCompletion();
            return error.get();
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            return error.get() != null ? error.get() : EngineCallGuard.engineMessage(e);
        }
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        return guard.call("create network " + name, QUICK_CALL, () -> {
            try {
                return client.createNetworkCmd().withName(name).withDriver("bridge")
                        .withCheckDuplicate(true) // 20.10 would otherwise create a second network with the same name
                        .withLabels(labels).exec().getId();
            } catch (ConflictException e) {
                throw new ContainerEngineException("A network named '" + name + "' already exists: "
                        + EngineCallGuard.engineMessage(e), e);
            }
        });
    }

    @Override
    public void removeNetwork(String nameOrId) {
        guard.run("remove network " + nameOrId, QUICK_CALL, () -> {
            try {
                client.removeNetworkCmd(nameOrId).exec();
            } catch (NotFoundException ignored) {
                // already gone
            } catch (DockerException e) {
                // "has active endpoints": a persistent container joined it; it outlives the network
                var attached = client.inspectNetworkCmd().withNetworkId(nameOrId).exec().getContainers();
                if (attached == null || attached.isEmpty()) {
                    throw e;
                }
                for (String container : attached.keySet()) {
                    disconnect(nameOrId, container);
                }
                client.removeNetworkCmd(nameOrId).exec();
            }
        });
    }

    @Override
    public void start(String containerId) {
        try {
            guard.run("start container " + containerId, START_CALL, () -> {
                try {
                    client.startContainerCmd(containerId).exec();
                } catch (NotModifiedException ignored) {
                    // already running
                }
            });
        } catch (ContainerEngineException e) {
            String message = e.getCause() != null ? EngineCallGuard.engineMessage(e.getCause()) : e.getMessage();
            throw new ContainerStartException(containerId, inspect(containerId).getConfig().getImage(), message, e);
        }
    }

    @Override
    public void connectNetwork(String network, String containerId, List<String> aliases) {
        guard.run("connect " + containerId + " to network " + network, QUICK_CALL, () -> {
            try {
                client.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId)
                        .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork()
                                .withAliases(aliases)).exec();
            } catch (ConflictException | com.github.dockerjava.api.exception.InternalServerErrorException e) {
                if (!String.valueOf(e.getMessage()).contains("already exists")) {
                    throw e;
                }
            }
        });
    }

    @Override
    public void disconnectNetwork(String network, String containerId) {
        guard.run("disconnect " + containerId + " from network " + network, QUICK_CALL,
                () -> disconnect(network, containerId));
    }

    private void disconnect(String network, String containerId) {
        try {
            client.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(containerId).withForce(true).exec();
        } catch (NotFoundException ignored) {
            // the network or the container is gone
        } catch (DockerException e) {
            if (!String.valueOf(e.getMessage()).contains("is not connected")) {
                throw e;
            }
        }
    }

    @Override
    public StartedContainer createAndStart(ContainerSpec spec) {
        return createAndStart(spec, cmd -> { });
    }

    /**
     * {@link #createAndStart(ContainerSpec)} with a last look at the raw docker-java command
     * (the escape hatch for settings the spec does not model).
     */
    public StartedContainer createAndStart(ContainerSpec spec, Consumer<CreateContainerCmd> modifier) {
        String id = create(spec, modifier);
        try {
            guard.run("start container " + spec.name(), START_CALL, () -> client.startContainerCmd(id).exec());
        } catch (ContainerEngineException e) {
            removeQuietly(id);
            throw startFailure(spec, e);
        }
        return new StartedContainer(id, spec.name(), publishedPorts(id, spec.ports()));
    }

    /** Creates the container without starting it (pulling the image if needed); returns its id. */
    String create(ContainerSpec spec, Consumer<CreateContainerCmd> modifier) {
        try {
            return guard.call("create container " + spec.name(), QUICK_CALL, () -> createCommand(spec, modifier).exec().getId());
        } catch (ContainerEngineException e) {
            if (e.getCause() instanceof ConflictException) {
                throw new ContainerNameConflictException(spec.name(), EngineCallGuard.engineMessage(e.getCause()));
            }
            if (spec.init() && String.valueOf(e.getMessage()).matches("(?s).*(catatonit|container-init).*")) {
                throw new ContainerEngineException(e.getMessage() + ". Podman runs the container's init process "
                        + "(--init) with catatonit: install it (Debian and Ubuntu: apt-get install catatonit).", e);
            }
            if (!(e.getCause() instanceof NotFoundException) || !String.valueOf(e.getCause().getMessage()).contains("image")) {
                throw e;
            }
        }
        // The create API never pulls (the CLI does): pull, then try once more.
        presentImages.remove(spec.image());
        ensureImage(spec.image(), line -> { });
        return guard.call("create container " + spec.name(), QUICK_CALL, () -> createCommand(spec, modifier).exec().getId());
    }

    private CreateContainerCmd createCommand(ContainerSpec spec, Consumer<CreateContainerCmd> modifier) {
        ContainerRuntimeArgs runtimeArgs = spec.runtimeArgs();
        List<String> extraHosts = new ArrayList<>(spec.extraHosts());
        extraHosts.addAll(runtimeArgs.extraHosts());
        List<Bind> binds = new ArrayList<>();
        spec.bindMounts().forEach(m -> binds.add(new Bind(m.source().toString(), new Volume(m.target()), mode(m.readOnly()))));
        spec.volumes().forEach(v -> binds.add(new Bind(v.name(), new Volume(v.target()), mode(v.readOnly()))));
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withPortBindings(PortMapping.toPorts(spec.ports()))
                .withBinds(binds)
                .withInit(spec.init() ? Boolean.TRUE : null)
                .withExtraHosts(extraHosts.toArray(String[]::new));
        if (spec.network() != null) {
            hostConfig.withNetworkMode(spec.network());
        }
        runtimeArgs.applyTo(hostConfig);
        Map<String, String> labels = new LinkedHashMap<>(runtimeArgs.labels());
        labels.putAll(spec.labels());
        List<String> env = new ArrayList<>();
        spec.env().forEach((key, value) -> env.add(key + "=" + value));
        CreateContainerCmd cmd = client.createContainerCmd(spec.image())
                .withName(spec.name())
                .withEnv(env)
                .withLabels(labels)
                .withExposedPorts(spec.ports().stream().map(PortMapping::exposedPort).distinct().toList())
                .withHostConfig(hostConfig);
        if (!spec.args().isEmpty()) {
            cmd.withCmd(spec.args());
        }
        if (spec.entrypoint() != null) {
            // An empty list means "no entrypoint"; the API spells that [""].
            cmd.withEntrypoint(spec.entrypoint().isEmpty() ? List.of("") : spec.entrypoint());
        }
        if (!spec.networkAliases().isEmpty()) {
            cmd.withAliases(spec.networkAliases());
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        runtimeArgs.user().ifPresent(cmd::withUser);
        runtimeArgs.hostname().ifPresent(cmd::withHostName);
        modifier.accept(cmd);
        return cmd;
    }

    private static AccessMode mode(boolean readOnly) {
        return readOnly ? AccessMode.ro : AccessMode.rw;
    }

    private static ContainerEngineException startFailure(ContainerSpec spec, ContainerEngineException e) {
        if (e instanceof ContainerEngineTimeoutException) {
            return e;
        }
        String message = e.getCause() != null ? EngineCallGuard.engineMessage(e.getCause()) : e.getMessage();
        if (message.contains("port is already allocated") || message.contains("address already in use")) {
            return new HostPortInUseException(spec.name(), takenPort(spec, message), message);
        }
        return new ContainerStartException(spec.name(), spec.image(), message, e);
    }

    /** The port named in the engine's message, else the first fixed port of the spec. */
    static int takenPort(ContainerSpec spec, String engineMessage) {
        Matcher m = ALLOCATED_PORT.matcher(engineMessage);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return spec.ports().stream().map(PortBinding::hostPort).filter(Objects::nonNull).findFirst().orElse(-1);
    }

    @Override
    public List<PublishedPort> publishedPorts(String containerId) {
        InspectContainerResponse inspect = inspect(containerId);
        List<PublishedPort> result = new ArrayList<>();
        inspect.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
            for (var binding : bindings == null ? new com.github.dockerjava.api.model.Ports.Binding[0] : bindings) {
                PortBinding requested = new PortBinding(exposed.getPort(), exposed.getProtocol().name().equals("UDP")
                        ? PortBinding.Protocol.UDP : PortBinding.Protocol.TCP, null);
                result.add(new PublishedPort(requested, binding.getHostIp(), Integer.parseInt(binding.getHostPortSpec())));
            }
        });
        return result;
    }

    private List<PublishedPort> publishedPorts(String containerId, List<PortBinding> requested) {
        if (requested.isEmpty()) {
            return List.of();
        }
        if (requested.stream().allMatch(p -> p.hostPort() != null)) {
            // Every host port was given (the AppHost allocates them up front), and the start succeeded
            // only if the engine bound each of them: nothing to ask the engine.
            return requested.stream().map(p -> new PublishedPort(p, PortMapping.LOOPBACK, p.hostPort())).toList();
        }
        return PortMapping.resolve(requested, inspect(containerId).getNetworkSettings().getPorts().getBindings());
    }

    private InspectContainerResponse inspect(String containerId) {
        return guard.call("inspect container " + containerId, QUICK_CALL, () -> client.inspectContainerCmd(containerId).exec());
    }

    @Override
    public ContainerStatus status(String containerId) {
        InspectContainerResponse.ContainerState state = inspect(containerId).getState();
        return new ContainerStatus(state.getStatus(), Boolean.TRUE.equals(state.getRunning()),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
                state.getError() == null ? "" : state.getError());
    }

    @Override
    public LogFollow followLogs(String containerId, LogLineConsumer consumer) {
        return DockerLogFollow.start(client, guard, containerId, consumer);
    }

    @Override
    public OptionalInt waitForExit(String containerId, Duration timeout) {
        WaitContainerResultCallback callback = client.waitContainerCmd(containerId).exec(new WaitContainerResultCallback());
        try {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(callback.awaitStatusCode(1, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerEngineException("Interrupted while waiting for container " + containerId, e);
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            throw new ContainerEngineException("Waiting for container " + containerId + " failed: "
                    + EngineCallGuard.engineMessage(e), e);
        } finally {
            try {
                callback.close();
            } catch (IOException ignored) {
                // done with it
            }
        }
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        int seconds = (int) Math.max(0, (timeout.toMillis() + 999) / 1000);
        guard.run("stop container " + containerId, timeout.plus(QUICK_CALL), () -> {
            try {
                client.stopContainerCmd(containerId).withTimeout(seconds).exec();
            } catch (NotModifiedException | NotFoundException ignored) {
                // already stopped, or gone
            }
        });
    }

    @Override
    public void remove(String containerId) {
        guard.run("remove container " + containerId, QUICK_CALL, () -> {
            try {
                // Volumes too: images with VOLUME (redis /data) leave an anonymous volume per container otherwise.
                client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException | ConflictException ignored) {
                // gone already, or removal already in progress
            }
        });
    }

    private void removeQuietly(String containerId) {
        try {
            remove(containerId);
        } catch (ContainerEngineException ignored) {
            // the original failure matters more; the sweep catches what is left
        }
    }

    @Override
    public List<ManagedContainer> listContainers(Map<String, String> labels) {
        return guard.call("list containers " + labels, QUICK_CALL, () -> client.listContainersCmd()
                .withShowAll(true).withLabelFilter(labels).exec().stream()
                .map(c -> new ManagedContainer(c.getId(), c.getNames() == null || c.getNames().length == 0 ? ""
                        : c.getNames()[0].replaceFirst("^/", ""), c.getState(), c.getLabels() == null ? Map.of() : c.getLabels()))
                .toList());
    }

    @Override
    public List<ManagedNetwork> listNetworks(Map<String, String> labels) {
        List<String> filter = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        return guard.call("list networks " + labels, QUICK_CALL, () -> client.listNetworksCmd().withFilter("label", filter)
                .exec().stream()
                .map(n -> new ManagedNetwork(n.getId(), n.getName(), n.getLabels() == null ? Map.of() : n.getLabels()))
                .toList());
    }

    @Override
    public RemovalResult removeAll(Map<String, String> labels) {
        List<ManagedContainer> containers = listContainers(labels);
        List<ManagedNetwork> networks = listNetworks(labels);
        return removeResources(containers, networks);
    }

    /** Removes the given containers (in parallel: a forced removal takes 0.2–0.4 s each), then the networks. */
    RemovalResult removeResources(List<ManagedContainer> containers, List<ManagedNetwork> networks) {
        List<Future<?>> removals = new ArrayList<>();
        for (ManagedContainer container : containers) {
            removals.add(guard.submit(() -> {
                remove(container.id());
                return null;
            }));
        }
        ContainerEngineException failure = null;
        for (Future<?> removal : removals) {
            try {
                removal.get(QUICK_CALL.toMillis() + 5000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                failure = addFailure(failure, e);
            }
        }
        for (ManagedNetwork network : networks) {
            try {
                removeNetwork(network.id());
            } catch (ContainerEngineException e) {
                failure = addFailure(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new RemovalResult(containers.size(), networks.size());
    }

    private static ContainerEngineException addFailure(ContainerEngineException failure, Exception e) {
        if (failure == null) {
            failure = new ContainerEngineException("Some resources could not be removed; see suppressed exceptions");
        }
        failure.addSuppressed(e);
        return failure;
    }

    @Override
    public void close() {
        guard.close();
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public String toString() {
        return "DockerJavaContainerEngine[" + info + "]";
    }
}
