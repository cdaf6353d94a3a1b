package dev.apphost;

import dev.apphost.containers.ContainerRuntimeArgs;
import dev.apphost.containers.ImageReference;
import dev.apphost.model.BindMount;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.ValueExpression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final java.util.regex.Pattern VOLUME_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private String image;
    private String tag;
    private String entrypoint;
    private final List<BindMount> bindMounts = new ArrayList<>();
    private final List<dev.apphost.model.VolumeMount> volumes = new ArrayList<>();
    private final List<String> runtimeArgs = new ArrayList<>();

    ContainerResourceBuilderBase(DistributedApplicationBuilder applicationBuilder, String name, String image, String tag) {
        super(applicationBuilder, name);
        this.image = required(image, "image");
        this.tag = tag;
        validateImage();
    }

    /** Rejects at the call what the engine would refuse at start (upper case, spaces, a tag given twice). */
    private void validateImage() {
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (IllegalArgumentException e) {
            throw invalid("image", e.getMessage() + ".");
        }
        if (tag == null) {
            return;
        }
        if (tag.isBlank()) {
            throw invalid("tag", "the tag must not be empty; pass null for 'latest', or a tag such as '1.27'.");
        }
        if (reference.tag() != null || reference.digest() != null) {
            throw invalid("tag", "the image '" + image + "' already names a " + (reference.digest() != null ? "digest" : "tag")
                    + ", and the tag '" + tag + "' is given as well; give it once: addContainer(\"" + name() + "\", \""
                    + reference.repository() + "\", \"" + (reference.tag() != null ? reference.tag() : tag) + "\").");
        }
        try {
            ImageReference.checkTag(tag);
        } catch (IllegalArgumentException e) {
            throw invalid("tag", "the " + e.getMessage() + ".");
        }
    }

    /** Replaces the image (which may carry {@code :tag}; the tag given before is dropped). */
    public B withImage(String image) {
        return withImage(image, null);
    }

    /** Replaces the image and its tag ({@code null} tag: the one in {@code image}, else {@code latest}). */
    public B withImage(String image, String tag) {
        String previousImage = this.image;
        String previousTag = this.tag;
        this.image = required(image, "image");
        this.tag = tag;
        try {
            validateImage();
        } catch (RuntimeException e) {
            this.image = previousImage;
            this.tag = previousTag;
            throw e;
        }
        return self();
    }

    /** Replaces the image's tag (the image must not name one itself). */
    public B withImageTag(String tag) {
        return withImage(image, required(tag, "tag"));
    }

    /** Mounts a host folder or file; a relative {@code source} is resolved against the AppHost's folder. */
    public B withBindMount(String source, String target) {
        return withBindMount(source, target, false);
    }

    public B withBindMount(String source, String target, boolean readOnly) {
        required(source, "source");
        String containerPath = requireAbsoluteTarget(target);
        if (source.isBlank()) {
            throw invalid("source", "the bind-mount source must not be empty (it would mount the AppHost's folder "
                    + "read-write at " + containerPath + "); give a host path, absolute or relative to the AppHost's "
                    + "folder, or use withVolume for a named volume.");
        }
        // A missing source is refused when the container starts (the AppHost may create it until then).
        Path hostPath = applicationBuilder().resolvePath(source);
        bindMounts.add(new BindMount(hostPath, containerPath, readOnly));
        return self();
    }

    /** Mounts a named volume. */
    public B withVolume(String name, String target) {
        return withVolume(name, target, false);
    }

    public B withVolume(String name, String target, boolean readOnly) {
        String containerPath = requireAbsoluteTarget(target);
        if (name != null && !VOLUME_NAME.matcher(name).matches()) {
            throw invalid("name", "'" + name + "' is not a valid volume name; use letters, digits, '_', '.' and '-', "
                    + "starting with a letter or digit (or null for an anonymous volume).");
        }
        volumes.add(new dev.apphost.model.VolumeMount(name, containerPath, readOnly));
        return self();
    }

    /** Replaces the image's entrypoint. */
    public B withEntrypoint(String entrypoint) {
        if (required(entrypoint, "entrypoint").isBlank()) {
            throw invalid("entrypoint", "the entrypoint must not be empty; give the program to run, such as '/bin/sh'.");
        }
        this.entrypoint = entrypoint;
        return self();
    }

    /** The target as a container path: backslashes become slashes, and it must be absolute. */
    private String requireAbsoluteTarget(String target) {
        String path = required(target, "target").replace('\\', '/');
        if (!path.startsWith("/")) {
            throw invalid("target", "the mount target '" + target + "' must be an absolute path inside the container, "
                    + "such as '/" + path.replaceFirst("^\\./", "") + "'.");
        }
        return path;
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
        for (String arg : required(args, "args")) {
            all.add(required(arg, "args[" + (all.size() - runtimeArgs.size()) + "]"));
        }
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
