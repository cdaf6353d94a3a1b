package dev.apphost.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole application, frozen: the resources in the order the AppHost added them, then those the
 * model made itself (generated password parameters).
 */
public final class AppModel {

    private final List<Resource> resources;
    private final List<Resource> hiddenResources;
    private final Map<String, Resource> byName = new LinkedHashMap<>();

    public AppModel(List<Resource> resources, List<Resource> hiddenResources) {
        this.resources = List.copyOf(resources);
        this.hiddenResources = List.copyOf(hiddenResources);
        for (Resource r : all()) {
            byName.put(key(r.name()), r);
        }
    }

    /** The resources the AppHost added, in order. */
    public List<Resource> resources() {
        return resources;
    }

    /** The resources the model made itself, such as {@code cache-password}. */
    public List<Resource> hiddenResources() {
        return hiddenResources;
    }

    /** Both lists, added ones first. */
    public List<Resource> all() {
        List<Resource> all = new ArrayList<>(resources);
        all.addAll(hiddenResources);
        return Collections.unmodifiableList(all);
    }

    public Optional<Resource> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** The resource with that name; names are case-insensitive. */
    public Resource get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No resource named '" + name + "'."));
    }

    public List<ComputeResource> computeResources() {
        return all().stream().filter(ComputeResource.class::isInstance).map(ComputeResource.class::cast).toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
