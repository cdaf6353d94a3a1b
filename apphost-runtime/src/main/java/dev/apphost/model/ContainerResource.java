package dev.apphost.model;

import dev.apphost.containers.ImageReference;
import java.util.List;
import java.util.Map;

/**
 * A container run from an image.
 *
 * @param image the image as given, e.g. {@code ollama/ollama} or {@code docker.io/library/redis}
 * @param tag the tag, or {@code null} for {@code latest}
 * @param entrypoint {@code null} keeps the image's own
 * @param runtimeArgs {@code withContainerRuntimeArgs}: run mode only, never in the manifest
 * @param connectionString {@code null} when the container offers none
 */
public record ContainerResource(
        String name,
        String image,
        String tag,
        String entrypoint,
        List<BindMount> bindMounts,
        List<VolumeMount> volumes,
        List<String> runtimeArgs,
        ValueExpression connectionString,
        Map<String, ValueExpression> connectionProperties,
        ComputeSettings settings) implements ComputeResource {

    public ContainerResource {
        bindMounts = List.copyOf(bindMounts);
        volumes = List.copyOf(volumes);
        runtimeArgs = List.copyOf(runtimeArgs);
        connectionProperties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectionProperties));
    }

    /** {@code [registry/]image:tag} (and/or {@code @digest}), with {@code :latest} when it names neither. */
    public String imageReference() {
        return ImageReference.parse(tag == null ? image : image + ":" + tag).withDefaultTag().toString();
    }
}
