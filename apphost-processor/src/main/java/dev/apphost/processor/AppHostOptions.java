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

    /**
     * Which modules get a nested class in {@code Projects}: {@value #PROJECTS_AUTO} (default): every
     * runnable module in a reactor of at most {@value #AUTO_ALL_LIMIT} of them, else those the sources
     * name; {@value #PROJECTS_REFERENCED}: those the compiled sources name ({@code Projects.ApiService});
     * {@value #PROJECTS_ALL}: every runnable module (code completion of modules not used yet, at javac's
     * cost of one type per module). The table {@code Projects.tsv} always lists every runnable module.
     */
    public static final String PROJECTS = "apphost.projects";

    /** Value of {@link #PROJECTS}: all in a small reactor, the named ones in a large one. */
    public static final String PROJECTS_AUTO = "auto";

    /** Up to this many runnable modules, {@value #PROJECTS_AUTO} declares every one. */
    public static final int AUTO_ALL_LIMIT = 64;

    /** Value of {@link #PROJECTS}: the modules the sources name. */
    public static final String PROJECTS_REFERENCED = "referenced";

    /** Value of {@link #PROJECTS}: every runnable module. */
    public static final String PROJECTS_ALL = "all";

    public static final Set<String> ALL = Set.of(MODULE_DIR, REACTOR_ROOT, PROJECTS);

    private AppHostOptions() {
    }
}
