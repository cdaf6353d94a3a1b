package dev.apphost.maven;

import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.MainClassNotFoundException;
import dev.apphost.launch.MainClassResolver;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.maven.fork.AppHostLocator;
import dev.apphost.maven.fork.AppHostNotFoundException;
import dev.apphost.maven.fork.CommandLineSplitter;
import dev.apphost.maven.fork.JavaForkRequest;
import dev.apphost.maven.fork.StopBudget;
import dev.apphost.maven.fork.WorkFiles;
import dev.apphost.otlp.OtelEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * What every apphost goal shares: finding the AppHost module in the reactor, writing the launch
 * plan, and describing the AppHost JVM to fork. The mojos only translate parameters; the work is
 * done by the Maven-free classes in {@code dev.apphost.maven.fork} and {@code dev.apphost.launch}.
 */
abstract class AbstractAppHostMojo extends AbstractMojo {

    /** The Maven session. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The project the goal runs in (for aggregator goals: the execution root). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The AppHost module, by artifactId or by folder (relative to the execution root, or absolute).
     * By default the reactor module whose sources hold a class annotated with {@code @AppHost} (or
     * whose pom sets the property {@code apphost.appHost} to {@code true}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.module")
    protected String module;

    /**
     * The AppHost's main class. By default the {@code @AppHost}-annotated class, else what the
     * AppHost module's properties {@code apphost.mainClass}, {@code exec.mainClass},
     * {@code start-class} or its classes say.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.appHostMainClass")
    protected String appHostMainClass;

    /**
     * JVM options for the AppHost JVM, as one command line, e.g.
     * {@code -Dapphost.jvmArguments="-Xmx256m -Dfoo=bar"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.jvmArguments")
    protected String jvmArguments;

    /**
     * System properties for the AppHost JVM.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> systemPropertyVariables;

    /**
     * Environment variables for the AppHost JVM (it passes on its environment to the resources it
     * starts only where the app model says so).
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> environmentVariables;

    /**
     * Program arguments for the AppHost, configured in the pom. {@link #commandlineArguments} are
     * appended.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> arguments;

    /**
     * Program arguments for the AppHost as one command line, e.g.
     * {@code -Dapphost.args="--Parameters:password=secret"}. Quotes group, backslash escapes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.args")
    protected String commandlineArguments;

    /**
     * Working directory of the AppHost JVM. Defaults to the AppHost module's folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.workingDirectory")
    protected File workingDirectory;

    /**
     * Seconds the AppHost gets to stop after SIGTERM (Ctrl+C, {@code stop}) before it is killed. The
     * AppHost is told to stop its resources within this minus a margin (a fifth, at least 2 s), as
     * {@code AppHost__ShutdownTimeout}; an {@code AppHost:ShutdownTimeout} of your own (program argument or
     * {@code environmentVariables}) is kept, and the kill then waits for it plus the margin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.shutdownTimeout", defaultValue = "10")
    protected int shutdownTimeout;

    /**
     * Attaches the OpenTelemetry Java agent to every project JVM ({@code run} and {@code start}), so its
     * traces, logs and metrics reach the dashboard; {@code false} runs them without it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.otelAgent", defaultValue = "true")
    protected boolean otelAgent;

    /**
     * The version of {@code io.opentelemetry.javaagent:opentelemetry-javaagent} to attach, resolved from
     * the project's repositories.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.otelAgentVersion", defaultValue = "2.22.0")
    protected String otelAgentVersion;

    /**
     * When the goals that run the AppHost ({@code run}, {@code manifest}, {@code publish}, {@code deploy})
     * compile the reactor first: {@code auto} when a module changed since apphost last compiled it (its
     * poms, anything under {@code src/main}, its source and resource folders), {@code always} every time.
     * {@code always} also resolves the modules' dependencies again, which {@code auto} reuses while their
     * declarations, managed versions, profiles and files are unchanged.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.compile", defaultValue = ReactorCompile.AUTO)
    protected String compile;

    /** This goal's execution, which {@link ReactorCompile} forks {@code compile} from. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private org.apache.maven.plugin.MojoExecution mojoExecution;

    @org.apache.maven.plugins.annotations.Component
    private org.eclipse.aether.RepositorySystem repositorySystem;

    @org.apache.maven.plugins.annotations.Component
    private org.apache.maven.lifecycle.LifecycleExecutor lifecycleExecutor;

    @org.apache.maven.plugins.annotations.Component
    private org.apache.maven.lifecycle.internal.LifecycleDependencyResolver dependencyResolver;

    private final ToolchainManager toolchainManager;

    protected AbstractAppHostMojo(ToolchainManager toolchainManager) {
        this.toolchainManager = toolchainManager;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().debug("apphost: skipped (apphost.skip=true)");
            return;
        }
        if (compilesTheReactor()) {
            new ReactorCompile(session, lifecycleExecutor, getLog()).compileIfNeeded(compile, mojoExecution);
        }
        execute(prepare());
    }

    /**
     * Whether the goal compiles the reactor before it runs (see {@link #compile}): the AppHost and its
     * projects run from their classes folders. Such a goal also resolves the modules' classpaths itself
     * ({@link ReactorClasspaths}, reused while unchanged) and so declares no dependency resolution.
     */
    protected boolean compilesTheReactor() {
        return false;
    }

    /** Runs the goal for the AppHost found in the reactor. */
    protected abstract void execute(AppHostContext context) throws MojoExecutionException, MojoFailureException;

    /** The AppHost module, its launch plan (written to {@code planFile()}), its main class. */
    protected static final class AppHostContext {
        final MavenProject appHost;
        final LaunchPlan plan;
        final Path planFile;
        final ProjectLaunch appHostLaunch;
        final String mainClass;

        AppHostContext(MavenProject appHost, LaunchPlan plan, Path planFile, ProjectLaunch appHostLaunch,
                String mainClass) {
            this.appHost = appHost;
            this.plan = plan;
            this.planFile = planFile;
            this.appHostLaunch = appHostLaunch;
            this.mainClass = mainClass;
        }

        /** {@code <AppHost module>/target/apphost/<name>}. */
        Path workFile(String name) {
            return Path.of(appHost.getBuild().getDirectory(), "apphost", name);
        }
    }

    /** Where the launch plan is written; {@code launch-plan} makes this configurable. */
    protected Path planFile(MavenProject appHost) {
        return LaunchPlan.defaultLocation(appHost.getBasedir().toPath());
    }

    /** Whether the goal needs the launch plan (false for {@code stop}). */
    protected boolean needsPlan() {
        return true;
    }

    /** Whether the AppHost's own main class must be known (false for {@code launch-plan}). */
    protected boolean needsMainClass() {
        return true;
    }

    private AppHostContext prepare() throws MojoExecutionException {
        List<MavenProject> reactor = session.getProjects();
        Map<String, List<Path>> classpaths = compilesTheReactor()
                ? new ReactorClasspaths(session, dependencyResolver, getLog()).classpaths(ReactorCompile.ALWAYS.equals(compile))
                : Map.of(); // the others let Maven resolve (requiresDependencyResolution)
        ReactorLaunchPlanner planner = new ReactorLaunchPlanner(reactor, classpaths);
        AppHostLocator.Found found;
        try {
            found = AppHostLocator.locate(planner.modules(), module, session.getTopLevelProject().getBasedir().toPath());
        } catch (AppHostNotFoundException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        MavenProject appHost = planner.project(found.module());
        getLog().debug("apphost: AppHost module " + appHost.getArtifactId() + " (" + appHost.getBasedir() + ")");
        Path planFile = planFile(appHost);
        if (!needsPlan()) {
            return new AppHostContext(appHost, null, planFile, null, null);
        }
        LaunchPlan plan = planner.plan(appHost, session.getTopLevelProject().getBasedir().toPath(), found.excludes());
        try {
            plan.write(planFile);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the launch plan " + planFile + ": " + e.getMessage(), e);
        }
        ProjectLaunch appHostLaunch = planner.launch(appHost);
        String mainClass = null;
        if (needsMainClass()) {
            mainClass = mainClass(found, appHostLaunch);
        }
        return new AppHostContext(appHost, plan, planFile, appHostLaunch, mainClass);
    }

    private String mainClass(AppHostLocator.Found found, ProjectLaunch appHostLaunch) throws MojoExecutionException {
        if (appHostMainClass != null && !appHostMainClass.isBlank()) {
            return appHostMainClass.trim();
        }
        if (found.appHostClass().isPresent()) {
            return found.appHostClass().get();
        }
        try {
            return appHostLaunch.requireMainClass();
        } catch (MainClassNotFoundException e) {
            throw new MojoExecutionException("Cannot tell the AppHost's main class: " + e.getMessage()
                    + " Or set -Dapphost.appHostMainClass=<class>.", e);
        }
    }

    /** The AppHost's stop budget and the plugin's kill deadline, from {@link #shutdownTimeout}. */
    protected StopBudget stopBudget() throws MojoExecutionException {
        try {
            return StopBudget.of(Duration.ofSeconds(shutdownTimeout), programArguments(),
                    environmentVariables == null ? Map.of() : environmentVariables);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The plugin's {@code @argfile} and the AppHost JVM's temporary folder, under {@code target/apphost/}. */
    protected static WorkFiles workFiles(AppHostContext context) {
        return new WorkFiles(context.workFile("java-args.txt"), context.workFile("tmp"));
    }

    /** The AppHost JVM: java (toolchain-aware), plan and parent-pid properties, classpath, arguments. */
    protected JavaForkRequest.Builder forkRequest(AppHostContext context) throws MojoExecutionException {
        if (!Files.isDirectory(context.appHostLaunch.classesDirectory())) {
            throw new MojoExecutionException("The AppHost module " + context.appHost.getArtifactId()
                    + " is not compiled (" + context.appHostLaunch.classesDirectory() + " is missing): run"
                    + " 'mvn compile apphost:<goal>' or 'mvn install' first.");
        }
        List<String> jvmArgs = new ArrayList<>(defaultJvmArguments()); // first, so that the user's win
        try {
            jvmArgs.addAll(CommandLineSplitter.split(jvmArguments));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot parse apphost.jvmArguments: " + e.getMessage(), e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (systemPropertyVariables != null) {
            properties.putAll(systemPropertyVariables);
        }
        properties.put(LaunchPlan.SYSTEM_PROPERTY, context.planFile.toAbsolutePath().toString());
        properties.put(LaunchPlan.APP_HOST_DIRECTORY_PROPERTY, context.appHost.getBasedir().getAbsolutePath());
        properties.put(LaunchPlan.PARENT_PID_PROPERTY, Long.toString(ProcessHandle.current().pid()));
        if (runsTheApp() && otelAgent) {
            otelAgentJar().ifPresent(jar -> properties.put(OtelEnvironment.AGENT_JAR_PROPERTY, jar.toString()));
        }
        WorkFiles workFiles = workFiles(context);
        properties.putIfAbsent("java.io.tmpdir", workFiles.tempDirectory().toAbsolutePath().toString());
        StopBudget budget = stopBudget();
        Map<String, String> environment = new LinkedHashMap<>();
        if (environmentVariables != null) {
            environment.putAll(environmentVariables);
        }
        if (!budget.userSet()) {
            environment.put(StopBudget.ENVIRONMENT_VARIABLE, budget.environmentValue());
        }
        return JavaForkRequest.builder()
                .javaExecutable(javaExecutable())
                .addJvmArguments(jvmArgs)
                .putSystemProperties(properties)
                .classpath(context.appHostLaunch.classpath())
                .mainClass(context.mainClass)
                .addArguments(programArguments())
                .putEnvironment(environment)
                .workingDirectory(workingDirectory != null
                        ? workingDirectory.toPath()
                        : context.appHost.getBasedir().toPath())
                .argFile(workFiles.argFile());
    }

    /**
     * JVM options the goal puts before {@link #jvmArguments} (so that the user's win): none for an
     * AppHost that runs the app; see {@link AbstractPublishingMojo}.
     */
    protected List<String> defaultJvmArguments() {
        return List.of();
    }

    /** Whether the goal runs the app's resources (and so attaches the OpenTelemetry agent to its projects). */
    protected boolean runsTheApp() {
        return false;
    }

    /** The agent jar, or empty (with a warning) when it cannot be resolved: the app then runs without it. */
    private java.util.Optional<Path> otelAgentJar() {
        try {
            return java.util.Optional.of(OtelAgentArtifact.resolve(repositorySystem, session.getRepositorySession(),
                    project.getRemoteProjectRepositories(), otelAgentVersion));
        } catch (org.eclipse.aether.resolution.ArtifactResolutionException | RuntimeException e) {
            getLog().warn("apphost: cannot resolve " + OtelAgentArtifact.COORDINATES + ":" + otelAgentVersion
                    + " (" + e.getMessage() + "); projects run without the OpenTelemetry agent. Set"
                    + " -Dapphost.otelAgentVersion=<version> or -Dapphost.otelAgent=false.");
            return java.util.Optional.empty();
        }
    }

    /** {@link #arguments} then {@link #commandlineArguments}. */
    protected List<String> programArguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        if (arguments != null) {
            args.addAll(arguments);
        }
        try {
            args.addAll(CommandLineSplitter.split(commandlineArguments));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot parse apphost.args: " + e.getMessage(), e);
        }
        return args;
    }

    private Path javaExecutable() {
        Toolchain toolchain = toolchainManager == null ? null : toolchainManager.getToolchainFromBuildContext("jdk", session);
        if (toolchain != null) {
            String java = toolchain.findTool("java");
            if (java != null) {
                getLog().info("apphost: using toolchain " + toolchain);
                return Path.of(java);
            }
        }
        boolean windows = File.separatorChar == '\\';
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** {@code MainClassResolver}'s property names, for messages. */
    static String mainClassProperties() {
        return String.join(", ", MainClassResolver.PROPERTIES);
    }
}
