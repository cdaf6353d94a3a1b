package dev.apphost;

import dev.apphost.containers.ContainerRuntimeArgs;
import dev.apphost.model.BindMount;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.ValueExpression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Container options: bind mounts, volumes, entrypoint and extra {@code container create} options.
 *
 * <pre>{@code
 * builder.addContainer("ollama", "ollama/ollama")
 *        .withBindMount("./ollamaconfig", "/usr/config")
 *        .withVolume("ollama-models", "/root/.ollama")
 *        .withHttpEndpoint(11434, 11434, "ollama")
 *        .withEntrypoint("/usr/config/entrypoint.sh")
 *        .withContainerRuntimeArgs("--gpus=all");
 * }</pre>
 *
 * @param <B> the concrete builder type
 */
public abstract class ContainerResourceBuilderBase<B extends ContainerResourceBuilderBase<B>>
        extends ComputeResourceBuilder<B> {

    private final String image;
    private final String tag;
    private String entrypoint;
    private final List<BindMount> bindMounts = new ArrayList<>();
    private final List<dev.apphost.model.VolumeMount> volumes = new ArrayList<>();
    private final List<String> runtimeArgs = new ArrayList<>();
    private ContainerLifetime lifetime = ContainerLifetime.SESSION;
    private String containerName;

    ContainerResourceBuilderBase(DistributedApplicationBuilder applicationBuilder, String name, String image, String tag) {
        super(applicationBuilder, name);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("Container '" + name + "': the image must not be empty.");
        }
        this.image = image;
        this.tag = tag;
    }

    /** Mounts a host folder or file; a relative {@code source} is resolved against the AppHost's folder. */
    public B withBindMount(String source, String target) {
        return withBindMount(source, target, false);
    }

    public B withBindMount(String source, String target, boolean readOnly) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        bindMounts.add(new BindMount(applicationBuilder().resolvePath(source), target.replace('\\', '/'), readOnly));
        return self();
    }

    /** Mounts a named volume. */
    public B withVolume(String name, String target) {
        return withVolume(name, target, false);
    }

    public B withVolume(String name, String target, boolean readOnly) {
        Objects.requireNonNull(target, "target");
        volumes.add(new dev.apphost.model.VolumeMount(name, target, readOnly));
        return self();
    }

    /** Replaces the image's entrypoint. */
    public B withEntrypoint(String entrypoint) {
        this.entrypoint = Objects.requireNonNull(entrypoint, "entrypoint");
        return self();
    }

    /**
     * Extra options for {@code container create}, run mode only: {@code --gpus}, {@code --memory},
     * {@code --cpus}, {@code --shm-size}, {@code --add-host}, {@code --cap-add}, {@code --cap-drop},
     * {@code --privileged}, {@code --user}, {@code --label}, {@code --hostname}, {@code --ulimit},
     * {@code --tmpfs}, {@code --read-only}. Checked here, so a typo fails at the call rather than at start.
     *
     * @throws dev.apphost.containers.UnsupportedContainerRuntimeArgException naming the argument and the supported list
     * @throws dev.apphost.containers.InvalidContainerRuntimeArgException for a supported option with a bad value
     */
    public B withContainerRuntimeArgs(String... args) {
        List<String> all = new ArrayList<>(runtimeArgs);
        all.addAll(Arrays.asList(args));
        ContainerRuntimeArgs.parse(all);
        runtimeArgs.clear();
        runtimeArgs.addAll(all);
        return self();
    }

    /**
     * {@link ContainerLifetime#PERSISTENT} keeps the container when the AppHost stops and reuses it next
     * run while its configuration is unchanged; its name is {@code <resource>-<8 hex digits of the AppHost
     * folder's hash>} unless {@link #withContainerName} gives one, and its allocated host ports are
     * remembered so they stay the same.
     */
    public B withLifetime(ContainerLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        return self();
    }

    /**
     * A fixed container name instead of {@code <resource>-<random>}. AppHosts that give the same name to a
     * persistent container with the same configuration share it.
     */
    public B withContainerName(String containerName) {
        Objects.requireNonNull(containerName, "containerName");
        if (!containerName.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("Container resource '" + name() + "': '" + containerName
                    + "' is not a valid container name; use letters, digits, '_', '.' and '-', starting with a"
                    + " letter or digit.");
        }
        this.containerName = containerName;
        return self();
    }

    ContainerResource containerResource(ValueExpression connectionString, Map<String, ValueExpression> properties) {
        return new ContainerResource(name(), image, tag, entrypoint, bindMounts, volumes, runtimeArgs,
                connectionString, properties == null ? new LinkedHashMap<>() : properties, settings(), lifetime,
                containerName != null || lifetime == ContainerLifetime.SESSION ? containerName
                        : name() + "-" + appHostHash(applicationBuilder().appHostDirectory()));
    }

    /** Aspire's persistent-name suffix: the first 8 hex digits of the SHA-256 of the AppHost's folder. */
    static String appHostHash(java.nio.file.Path appHostDirectory) {
        String path = appHostDirectory.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
