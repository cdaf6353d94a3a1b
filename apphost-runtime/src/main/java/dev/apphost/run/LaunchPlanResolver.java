package dev.apphost.run;

import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.LaunchPlanProvider;
import dev.apphost.launch.MainClassNotFoundException;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.model.ProjectResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Classpaths and main classes from the launch plan: the file the Maven plugin hands over
 * ({@code -Dapphost.launchPlan}) or, when the AppHost was started without the plugin (from an IDE),
 * the plan {@link LaunchPlanProvider} asks Maven for once and caches under {@code target/apphost/}.
 * A project outside the AppHost's reactor (or an AppHost in no reactor at all) is in no plan: it runs from its own
 * {@code target/classes} ({@link TargetClassesLaunchResolver}).
 *
 * <pre>{@code
 * var executor = new ProcessExecutor(LaunchPlanResolver.forAppHost(appHostDirectory), true);
 * }</pre>
 */
public final class LaunchPlanResolver implements ProjectLaunchResolver {

    private final Path reactorRoot;
    private final Supplier<LaunchPlan> planSource;
    private final ProjectLaunchResolver outsideTheReactor = new TargetClassesLaunchResolver();
    private LaunchPlan plan;
    private RuntimeException planFailure;

    LaunchPlanResolver(Path reactorRoot, Supplier<LaunchPlan> planSource) {
        this.reactorRoot = reactorRoot;
        this.planSource = planSource;
    }

    /** The plan of the AppHost in {@code appHostDirectory}, obtained on the first project that needs it. */
    public static LaunchPlanResolver forAppHost(Path appHostDirectory) {
        Optional<LaunchPlan> handedOver = LaunchPlan.fromSystemProperty();
        Path root = handedOver.map(LaunchPlan::reactorRoot)
                .orElseGet(() -> LaunchPlanProvider.findReactorRoot(appHostDirectory.toAbsolutePath().normalize()));
        return new LaunchPlanResolver(root, () -> handedOver.orElseGet(() -> LaunchPlanProvider.obtain(appHostDirectory)));
    }

    @Override
    public ProjectLaunchSpec resolve(ProjectResource project) throws ResourceStartException {
        Path pom = project.projectPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(pom)) {
            // Said now: obtaining the reactor's launch plan first would take a Maven run to find out.
            throw new ResourceStartException("Project resource '" + project.name() + "': " + pom.getParent()
                    + " is not a Maven module (there is no " + pom + "). addProject takes the module's folder or its "
                    + "pom.xml, relative to the AppHost's folder; use the generated Projects class to be sure.");
        }
        if (!Files.isRegularFile(reactorRoot.resolve("pom.xml")) || !pom.startsWith(reactorRoot)) {
            return outsideTheReactor.resolve(project);
        }
        LaunchPlan launchPlan = plan(project);
        Optional<ProjectLaunch> found = launchPlan.findByPom(pom);
        if (found.isEmpty()) {
            return outsideTheReactor.resolve(project);
        }
        ProjectLaunch launch = found.get();
        if (!Files.isDirectory(launch.classesDirectory())) {
            throw new ResourceStartException("Project resource '" + project.name() + "' (" + launch.pom()
                    + ") has not been compiled: " + launch.classesDirectory() + " does not exist. Run 'mvn compile'"
                    + " (apphost:run compiles the reactor first).");
        }
        String mainClass;
        try {
            mainClass = launch.requireMainClass();
        } catch (MainClassNotFoundException problem) {
            throw new ResourceStartException("Project resource '" + project.name() + "': " + problem.getMessage(), problem);
        }
        return new ProjectLaunchSpec(launch.classpath(), mainClass, List.of(), launch.directory());
    }

    private synchronized LaunchPlan plan(ProjectResource project) throws ResourceStartException {
        if (plan == null && planFailure == null) {
            try {
                plan = planSource.get();
            } catch (RuntimeException e) {
                planFailure = e;
            }
        }
        if (planFailure != null) {
            throw new ResourceStartException("Cannot tell how to run project resource '" + project.name()
                    + "': the launch plan of the reactor at " + reactorRoot + " is not available. "
                    + planFailure.getMessage(), planFailure);
        }
        return plan;
    }
}
