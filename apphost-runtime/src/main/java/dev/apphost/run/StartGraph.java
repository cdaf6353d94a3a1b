package dev.apphost.run;

import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who waits for whom, among the compute resources. {@code waitFor} decides the start order
 * (waits on parameters and connection strings are skipped, as Aspire skips resources without a
 * lifetime). Shutdown goes the other way and also honours references: a consumer stops before the
 * resources it references, unless references form a cycle (endpoint references may), in which case
 * only {@code waitFor} orders the shutdown.
 */
public final class StartGraph {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Set<String>> waitsFor = new LinkedHashMap<>();
    private final Map<String, Set<String>> stopAfter = new LinkedHashMap<>();

    public StartGraph(AppModel model) {
        List<ComputeResource> compute = model.computeResources();
        for (ComputeResource r : compute) {
            names.add(r.name());
        }
        for (ComputeResource r : compute) {
            Set<String> deps = new LinkedHashSet<>();
            for (String d : r.settings().waitFor()) {
                model.find(d).filter(ComputeResource.class::isInstance).map(Resource::name).ifPresent(deps::add);
            }
            waitsFor.put(r.name(), deps);
        }
        Map<String, Set<String>> withReferences = new LinkedHashMap<>();
        for (ComputeResource r : compute) {
            Set<String> deps = new LinkedHashSet<>(waitsFor.get(r.name()));
            for (EnvironmentEntry entry : r.settings().environment()) {
                if (entry instanceof EnvironmentEntry.Reference ref) {
                    model.find(ref.resource()).filter(ComputeResource.class::isInstance).map(Resource::name)
                            .filter(n -> !n.equals(r.name())).ifPresent(deps::add);
                }
            }
            withReferences.put(r.name(), deps);
        }
        stopAfter.putAll(topologicalOrder(withReferences) != null ? withReferences : waitsFor);
    }

    /** The compute resources, in model order. */
    public List<String> names() {
        return names;
    }

    /** The compute resources {@code name} waits for before it starts. */
    public Set<String> dependencies(String name) {
        return waitsFor.getOrDefault(name, Set.of());
    }

    /** The resources that must be stopped before {@code name} (those that wait for or reference it). */
    public Set<String> stopFirst(String name) {
        Set<String> result = new LinkedHashSet<>();
        stopAfter.forEach((dependent, deps) -> {
            if (deps.contains(name)) {
                result.add(dependent);
            }
        });
        return result;
    }

    /** A start order: every resource after its dependencies. */
    public List<String> startOrder() {
        List<String> order = topologicalOrder(waitsFor);
        if (order == null) {
            throw new IllegalStateException("waitFor cycle among " + waitsFor);
        }
        return order;
    }

    /** A shutdown order: every resource before the ones it waits for or references. */
    public List<String> stopOrder() {
        List<String> order = new ArrayList<>(topologicalOrder(stopAfter));
        java.util.Collections.reverse(order);
        return order;
    }

    /** Kahn's algorithm, stable in model order; {@code null} when there is a cycle. */
    private List<String> topologicalOrder(Map<String, Set<String>> deps) {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (order.size() < names.size() && progress) {
            progress = false;
            for (String n : names) {
                if (!done.contains(n) && done.containsAll(deps.getOrDefault(n, Set.of()))) {
                    done.add(n);
                    order.add(n);
                    progress = true;
                }
            }
        }
        return order.size() == names.size() ? order : null;
    }
}
