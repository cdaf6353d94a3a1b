package dev.apphost.containers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to create and start one container: a plain immutable value, independent of
 * the app model. Build it with {@link #builder(String, String)}:
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.builder("cache-x7f3k2ab", "docker.io/library/redis:8.2")
 *         .entrypoint("/bin/sh")
 *         .args("-c", "redis-server --requirepass $REDIS_PASSWORD")
 *         .env("REDIS_PASSWORD", password)
 *         .port(PortBinding.tcp(6379))              // host port chosen by the engine, on 127.0.0.1
 *         .network("apphost-session-1234", "cache")  // reachable as "cache" by the other containers
 *         .labels(ResourceLabels.forSession(session).app("shop").resource("cache").build())
 *         .build();
 * }</pre>
 *
 * @param name            container name (must be unique on the engine)
 * @param image           image reference, e.g. {@code docker.io/library/redis:8.2}
 * @param env             environment variables, in order
 * @param args            arguments (Docker's CMD); empty = the image's default
 * @param entrypoint      entrypoint override; {@code null} = the image's entrypoint
 * @param ports           ports to publish on 127.0.0.1
 * @param bindMounts      host paths to mount
 * @param volumes         named volumes to mount
 * @param network         network to attach to; {@code null} = the engine's default bridge
 * @param networkAliases  DNS names on {@code network} (only works on user-defined networks)
 * @param labels          container labels
 * @param init            run an init process as PID 1 (default {@code true}: forwards SIGTERM, so
 *                        {@code stop} takes ~0.2 s instead of the whole timeout for shells/httpd)
 * @param extraHosts      extra {@code host:ip} entries; defaults to {@link #HOST_GATEWAY_ENTRY}
 * @param runtimeArgs     parsed {@code withContainerRuntimeArgs} options
 * @param workingDir      working directory override; {@code null} = the image's
 */
public record ContainerSpec(
        String name,
        String image,
        Map<String, String> env,
        List<String> args,
        List<String> entrypoint,
        List<PortBinding> ports,
        List<BindMount> bindMounts,
        List<VolumeMount> volumes,
        String network,
        List<String> networkAliases,
        Map<String, String> labels,
        boolean init,
        List<String> extraHosts,
        ContainerRuntimeArgs runtimeArgs,
        String workingDir) {

    /** Lets a container reach host processes as {@code host.docker.internal} (Docker 20.10+). */
    public static final String HOST_GATEWAY_ENTRY = "host.docker.internal:host-gateway";

    public ContainerSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(image, "image == null");
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("not a valid container name: '" + name + "' (allowed: [a-zA-Z0-9][a-zA-Z0-9_.-]*)");
        }
        env = unmodifiableOrdered(env);
        args = List.copyOf(args);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        ports = List.copyOf(ports);
        bindMounts = List.copyOf(bindMounts);
        volumes = List.copyOf(volumes);
        networkAliases = List.copyOf(networkAliases);
        labels = unmodifiableOrdered(labels);
        extraHosts = List.copyOf(extraHosts);
        runtimeArgs = runtimeArgs == null ? ContainerRuntimeArgs.NONE : runtimeArgs;
        if (!networkAliases.isEmpty() && network == null) {
            throw new IllegalArgumentException("network aliases need a network (container '" + name + "')");
        }
    }

    private static <K, V> Map<K, V> unmodifiableOrdered(Map<K, V> map) {
        // Map.copyOf would lose the order; env order matters to people reading `docker inspect`.
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Starts a builder with the defaults: init on, {@link #HOST_GATEWAY_ENTRY}, no runtime args. */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    /** Mutable builder for {@link ContainerSpec}; every method returns {@code this}. */
    public static final class Builder {
        private final String name;
        private final String image;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private List<String> entrypoint;
        private final List<PortBinding> ports = new ArrayList<>();
        private final List<BindMount> bindMounts = new ArrayList<>();
        private final List<VolumeMount> volumes = new ArrayList<>();
        private String network;
        private final List<String> aliases = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private boolean init = true;
        private final List<String> extraHosts = new ArrayList<>(List.of(HOST_GATEWAY_ENTRY));
        private ContainerRuntimeArgs runtimeArgs = ContainerRuntimeArgs.NONE;
        private String workingDir;

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** Adds arguments (Docker's CMD). */
        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        /** Replaces the image's entrypoint. */
        public Builder entrypoint(String... values) {
            entrypoint = List.of(values);
            return this;
        }

        public Builder port(PortBinding binding) {
            ports.add(binding);
            return this;
        }

        public Builder bindMount(Path source, String target, boolean readOnly) {
            bindMounts.add(new BindMount(source, target, readOnly));
            return this;
        }

        public Builder volume(String volumeName, String target, boolean readOnly) {
            volumes.add(new VolumeMount(volumeName, target, readOnly));
            return this;
        }

        /** Attaches to {@code networkName}, reachable there under each of {@code networkAliases}. */
        public Builder network(String networkName, String... networkAliases) {
            network = networkName;
            aliases.addAll(List.of(networkAliases));
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.putAll(values);
            return this;
        }

        public Builder init(boolean value) {
            init = value;
            return this;
        }

        /** Adds a {@code host:ip} entry (the default {@link #HOST_GATEWAY_ENTRY} stays). */
        public Builder extraHost(String hostAndIp) {
            extraHosts.add(hostAndIp);
            return this;
        }

        /** Removes the default {@link #HOST_GATEWAY_ENTRY}, e.g. for engines without host-gateway support. */
        public Builder withoutHostGateway() {
            extraHosts.remove(HOST_GATEWAY_ENTRY);
            return this;
        }

        public Builder runtimeArgs(ContainerRuntimeArgs value) {
            runtimeArgs = Objects.requireNonNull(value, "runtimeArgs == null");
            return this;
        }

        public Builder workingDir(String value) {
            workingDir = value;
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(name, image, env, args, entrypoint, ports, bindMounts, volumes, network,
                    aliases, labels, init, extraHosts, runtimeArgs, workingDir);
        }
    }
}
