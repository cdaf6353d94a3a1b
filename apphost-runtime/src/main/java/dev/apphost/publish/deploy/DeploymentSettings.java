package dev.apphost.publish.deploy;

import dev.apphost.model.ComputeResource;
import dev.apphost.publish.compose.ComposeService;
import dev.apphost.publish.kubernetes.KubernetesObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the AppHost said about deployment, kept beside the model: the compute environments
 * ({@code addDockerComposeEnvironment}, {@code addKubernetesEnvironment}), the per-resource
 * customisation callbacks ({@code publishAsDockerComposeService}, {@code publishAsKubernetesService})
 * and the whole-file callbacks of each environment. Filled by the builders, read by the publishers.
 */
public final class DeploymentSettings {

    private final List<DeploymentTarget> targets = new ArrayList<>();
    private final Map<String, List<BiConsumer<ComputeResource, ComposeService>>> composeServices = new LinkedHashMap<>();
    private final Map<String, List<BiConsumer<ComputeResource, KubernetesObjects>>> kubernetesServices =
            new LinkedHashMap<>();
    private final List<Consumer<Map<String, Object>>> composeFileCallbacks = new ArrayList<>();

    public void addTarget(DeploymentTarget target) {
        targets.add(target);
    }

    public List<DeploymentTarget> targets() {
        return List.copyOf(targets);
    }

    /** The one environment of {@code kind}; a clear error when there is none or more than one. */
    public DeploymentTarget requireTarget(DeploymentTarget.Kind kind) {
        List<DeploymentTarget> matching = targets.stream().filter(t -> t.kind() == kind).toList();
        String call = kind == DeploymentTarget.Kind.DOCKER_COMPOSE
                ? "builder.addDockerComposeEnvironment(\"compose\")" : "builder.addKubernetesEnvironment(\"k8s\")";
        if (matching.isEmpty()) {
            throw new DeploymentException("--publisher " + kind.publisherName() + " needs a compute environment of that "
                    + "kind in the model: add " + call + " to the AppHost.");
        }
        if (matching.size() > 1) {
            throw new DeploymentException("The model has " + matching.size() + " " + kind.publisherName()
                    + " environments (" + String.join(", ", matching.stream().map(DeploymentTarget::name).toList())
                    + "); keep one.");
        }
        return matching.get(0);
    }

    public Optional<DeploymentTarget> find(String name) {
        return targets.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public void addComposeServiceCallback(String resource, BiConsumer<ComputeResource, ComposeService> callback) {
        composeServices.computeIfAbsent(key(resource), k -> new ArrayList<>()).add(callback);
    }

    public List<BiConsumer<ComputeResource, ComposeService>> composeServiceCallbacks(String resource) {
        return composeServices.getOrDefault(key(resource), List.of());
    }

    public void addKubernetesServiceCallback(String resource, BiConsumer<ComputeResource, KubernetesObjects> callback) {
        kubernetesServices.computeIfAbsent(key(resource), k -> new ArrayList<>()).add(callback);
    }

    public List<BiConsumer<ComputeResource, KubernetesObjects>> kubernetesServiceCallbacks(String resource) {
        return kubernetesServices.getOrDefault(key(resource), List.of());
    }

    public void addComposeFileCallback(Consumer<Map<String, Object>> callback) {
        composeFileCallbacks.add(callback);
    }

    public List<Consumer<Map<String, Object>>> composeFileCallbacks() {
        return List.copyOf(composeFileCallbacks);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
