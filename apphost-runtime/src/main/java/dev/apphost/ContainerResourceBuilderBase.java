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

    private String image;
    private String tag;
    private String entrypoint;
    private final List<BindMount> bindMounts = new ArrayList<>();
    private final List<dev.apphost.model.VolumeMount> volumes = new ArrayList<>();
    private final List<String> runtimeArgs = new ArrayList<>();

    ContainerResourceBuilderBase(DistributedApplicationBuilder applicationBuilder, String name, String image, String tag) {
        super(applicationBuilder, name);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("Container '" + name + "': the image must not be empty.");
        }
        this.image = image;
        this.tag = tag;
    }

    /** Replaces the image (which may carry {@code :tag}; the tag given before is dropped). */
    public B withImage(String image) {
        return withImage(image, null);
    }

    /** Replaces the image and its tag ({@code null} tag: the one in {@code image}, else {@code latest}). */
    public B withImage(String image, String tag) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("Container '" + name() + "': the image must not be empty.");
        }
        this.image = image;
        this.tag = tag;
        return self();
    }

    /** Replaces the image's tag. */
    public B withImageTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("Container '" + name() + "': the tag must not be empty.");
        }
        this.tag = tag;
        return self();
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

    ContainerResource containerResource(ValueExpression connectionString, Map<String, ValueExpression> properties) {
        return new ContainerResource(name(), image, tag, entrypoint, bindMounts, volumes, runtimeArgs,
                connectionString, properties == null ? new LinkedHashMap<>() : properties, settings());
    }
}
