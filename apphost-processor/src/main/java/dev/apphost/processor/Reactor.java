package dev.apphost.processor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scanned reactor.
 *
 * @param rootPom the reactor root's pom
 * @param appHostPom the pom of the module that holds the {@code @AppHost} class
 * @param modules every module reached from the root through {@code <modules>}, root first, in
 *     declaration order (depth first)
 * @param warnings problems met that did not stop the scan
 */
public record Reactor(Path rootPom, Path appHostPom, List<ModuleInfo> modules, List<Problem> warnings) {

    public Reactor {
        modules = List.copyOf(modules);
        warnings = List.copyOf(warnings);
    }

    /**
     * Modules that get a nested class in {@code Projects}: runnable ones, other than the
     * AppHost's own module and those whose artifactId is in {@code exclude}.
     */
    public List<ModuleInfo> runnableModules(Collection<String> exclude) {
        List<ModuleInfo> result = new ArrayList<>();
        for (ModuleInfo module : modules) {
            if (module.isRunnable()
                    && !module.pom().equals(appHostPom)
                    && !exclude.contains(module.artifactId())) {
                result.add(module);
            }
        }
        return result;
    }

    /** The entries of {@code exclude} that name no runnable module (the AppHost's own included). */
    public Set<String> unknownExcludes(Collection<String> exclude) {
        Set<String> unknown = new LinkedHashSet<>(exclude);
        for (ModuleInfo module : modules) {
            if (module.isRunnable()) {
                unknown.remove(module.artifactId());
            }
        }
        return unknown;
    }
}
