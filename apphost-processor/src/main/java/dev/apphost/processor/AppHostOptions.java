package dev.apphost.processor;

import java.util.Set;

/** The {@code -A} options the processor reads. */
public final class AppHostOptions {

    /**
     * Folder of the Maven module that holds the {@code @AppHost} class (or any folder inside it).
     * Default: found from the source file or the compiler's output folder, walking up to the first
     * folder that has a {@code pom.xml}.
     */
    public static final String MODULE_DIR = "apphost.moduleDir";

    /**
     * Folder of the reactor's root pom. Default: the top-most folder above the module whose pom's
     * {@code <modules>} lead (possibly through nested aggregators) to the module; the walk up stops
     * at a folder holding {@code .mvn}.
     */
    public static final String REACTOR_ROOT = "apphost.reactorRoot";

    public static final Set<String> ALL = Set.of(MODULE_DIR, REACTOR_ROOT);

    private AppHostOptions() {
    }
}
