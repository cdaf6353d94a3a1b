package dev.apphost.run;

import dev.apphost.Configuration;
import dev.apphost.ContainerLifetime;
import dev.apphost.model.AppModel;
import dev.apphost.model.Resource;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineException;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.ResourceLabels;
import dev.apphost.containers.StartedContainer;
import dev.apphost.model.ContainerResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Persistent containers ({@code withLifetime(ContainerLifetime.PERSISTENT)}), as Aspire keeps them:
 * <ul>
 *   <li>the container is named {@code <resource>-<AppHost hash>} or {@code withContainerName}'s name,
 *       labelled {@link ResourceLabels#persistent()} (no session, no owner: no cleanup removes it) and
 *       with {@link ResourceLabels#CONFIG_HASH}, the SHA-256 of everything that makes it what it is
 *       (image, environment, arguments, entrypoint, mounts, ports with their host ports, runtime options);</li>
 *   <li>a run finds it by name: same hash ⇒ reused as it is (started first if it was stopped); another
 *       hash ⇒ removed and created again;</li>
 *   <li>its home network is {@value #NETWORK}, which stays; at each run it also joins the session
 *       network under its resource name, and leaves it when the AppHost stops.</li>
 * </ul>
 */
final class PersistentContainers {

    /** The network persistent containers are created on; shared, never removed by the AppHost. */
    static final String NETWORK = "apphost-persistent";

    private PersistentContainers() {
    }

    /** The outcome of {@link #startOrReuse}. */
    record Outcome(StartedContainer container, String note) {
    }

    /** The container's name: the model's, else {@code <resource>-<hash of the app name>} (for models made without a builder). */
    static String nameOf(ContainerResource container, String appName) {
        return container.containerName() != null ? container.containerName()
                : container.name() + "-" + sha256(appName).substring(0, 8);
    }

    /** The hash of what the container is, label and network names left out. */
    static String configHash(ContainerSpec spec, ContainerResource container) {
        StringBuilder sb = new StringBuilder();
        sb.append("image=").append(spec.image()).append('\n');
        sb.append("entrypoint=").append(spec.entrypoint()).append('\n');
        sb.append("args=").append(spec.args()).append('\n');
        new TreeMap<>(spec.env()).forEach((k, v) -> sb.append("env:").append(k).append('=').append(v).append('\n'));
        spec.ports().forEach(p -> sb.append("port=").append(p).append('\n'));
        spec.bindMounts().forEach(m -> sb.append("bind=").append(m).append('\n'));
        container.volumes().forEach(v -> sb.append("volume=").append(v).append('\n'));
        sb.append("runtimeArgs=").append(container.runtimeArgs()).append('\n');
        sb.append("init=").append(spec.init()).append(" extraHosts=").append(spec.extraHosts()).append('\n');
        return sha256(sb.toString());
    }

    /**
     * Reuses the container named in {@code spec} when its hash label equals {@code hash}, else
     * (re)creates it with {@code create}; then joins it to {@code sessionNetwork}
     * ({@code null}: none) as {@code alias}.
     */
    static Outcome startOrReuse(ContainerEngine engine, ContainerSpec spec, String hash, String sessionNetwork,
            String alias, ResourceExecutor.LogSink logs, Supplier<StartedContainer> create) {
        ManagedContainer existing = engine.listContainers(ResourceLabels.persistentFilter()).stream()
                .filter(c -> c.name().equals(spec.name())).findFirst().orElse(null);
        StartedContainer started;
        String note;
        if (existing != null && hash.equals(existing.labels().get(ResourceLabels.CONFIG_HASH))) {
            if (!"running".equals(existing.state())) {
                engine.start(existing.id());
                note = "started persistent container " + spec.name() + " (" + shortId(existing.id()) + ")";
            } else {
                note = reusedNote(spec.name(), existing.id());
            }
            started = new StartedContainer(existing.id(), spec.name(), List.of());
        } else {
            if (existing != null) {
                logs.line(LogLine.Stream.STDOUT, "apphost: the configuration of persistent container " + spec.name()
                        + " changed; recreating it");
                engine.remove(existing.id());
            }
            started = create.get();
            note = "created persistent container " + spec.name() + " (" + shortId(started.id()) + ")";
        }
        logs.line(LogLine.Stream.STDOUT, "apphost: " + note);
        if (sessionNetwork != null) { // a lone container has no session network to join
            engine.connectNetwork(sessionNetwork, started.id(), List.of(alias));
        }
        return new Outcome(started, note);
    }

    /** What a run says of a persistent container it found running and reused. */
    static String reusedNote(String containerName, String id) {
        return "reused persistent container " + containerName + " (" + shortId(id) + ")";
    }

    /** Creates the persistent network unless it exists. */
    static void ensureNetwork(ContainerEngine engine) {
        boolean exists = engine.listNetworks(ResourceLabels.persistentFilter()).stream()
                .anyMatch(n -> n.name().equals(NETWORK));
        if (exists) {
            return;
        }
        try {
            engine.createNetwork(NETWORK, ResourceLabels.persistent().build());
        } catch (ContainerEngineException e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                throw e;
            }
        }
    }

    /** The labels of a persistent container. */
    static Map<String, String> labels(String appName, String resource, String hash) {
        return ResourceLabels.persistent().app(appName).resource(resource).configHash(hash).build();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * {@code model} as this run sees it: unchanged while {@link ContainerLifetime#PERSISTENT_CONTAINERS_KEY}
     * is {@code true} (the default); when it is {@code false}, every persistent container becomes a
     * session container with a generated name (its fixed name belongs to the persistent one).
     */
    static AppModel forRun(AppModel model, Configuration configuration) {
        if (Boolean.parseBoolean(configuration.get(ContainerLifetime.PERSISTENT_CONTAINERS_KEY, "true"))) {
            return model;
        }
        return new AppModel(model.resources().stream().map(PersistentContainers::asSession).toList(),
                model.hiddenResources().stream().map(PersistentContainers::asSession).toList());
    }

    private static Resource asSession(Resource resource) {
        if (!(resource instanceof ContainerResource c) || !c.persistent()) {
            return resource;
        }
        return new ContainerResource(c.name(), c.image(), c.tag(), c.entrypoint(), c.bindMounts(), c.volumes(),
                c.runtimeArgs(), c.connectionString(), c.connectionProperties(), c.settings(), ContainerLifetime.SESSION,
                null);
    }
}
