package dev.apphost.maven;

import dev.apphost.maven.reactor.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Compiles the reactor before a goal that runs the AppHost, as {@code @Execute(phase = COMPILE)} would,
 * but only when a module changed since apphost last compiled it ({@link UpToDateCheck}): an up-to-date
 * {@code compile} lifecycle still costs Maven a second or more (plugin realms, one dependency resolution
 * per module), which {@code apphost:run} and {@code apphost:deploy} would pay at every start.
 *
 * <p>When something changed, Maven's own fork runs: the goal's execution is copied with the
 * {@code compile} phase as its fork, and Maven plans and executes that for every module of the reactor,
 * with every plugin bound up to {@code compile} (generators included) and its usual log.
 */
final class ReactorCompile {

    /** {@code apphost.compile}: compile only when something changed. */
    static final String AUTO = "auto";
    /** {@code apphost.compile}: compile every time, as a forked lifecycle does. */
    static final String ALWAYS = "always";

    private final MavenSession session;
    private final LifecycleExecutor lifecycle;
    private final Log log;

    ReactorCompile(MavenSession session, LifecycleExecutor lifecycle, Log log) {
        this.session = session;
        this.lifecycle = lifecycle;
        this.log = log;
    }

    /** Compiles the reactor unless {@code mode} is {@link #AUTO} and every module is up to date. */
    void compileIfNeeded(String mode, MojoExecution goal) throws MojoExecutionException {
        if (!AUTO.equals(mode) && !ALWAYS.equals(mode)) {
            throw new MojoExecutionException("Unknown apphost.compile '" + mode + "': use auto (compile the reactor"
                    + " when a module changed since apphost last compiled it) or always.");
        }
        UpToDateCheck check = new UpToDateCheck(modules(session.getProjects()));
        if (AUTO.equals(mode) && compiledByThisBuild(session.getProjects())) {
            log.info("apphost: the reactor was compiled by this build");
            record(check, session.getRequest().getStartTime().getTime());
            return;
        }
        Optional<String> reason = ALWAYS.equals(mode) ? Optional.of("apphost.compile=always") : check.staleReason();
        if (reason.isEmpty()) {
            log.info("apphost: the reactor is compiled and unchanged since (-Dapphost.compile=always compiles it anyway)");
            return;
        }
        log.info("apphost: compiling the reactor (" + reason.get() + ")");
        long started = System.currentTimeMillis();
        fork(goal);
        record(check, started);
    }

    /**
     * Whether an earlier task of this Maven command ran the {@code compile} phase for every module
     * with code ({@code mvn compile apphost:run}, {@code mvn package apphost:deploy}).
     */
    static boolean compiledByThisBuild(List<MavenProject> reactor) {
        boolean any = false;
        for (MavenProject project : reactor) {
            if (!"pom".equals(project.getPackaging())) {
                if (!project.hasLifecyclePhase("compile")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private void record(UpToDateCheck check, long compileStartedMillis) {
        try {
            check.recordCompiled(compileStartedMillis);
        } catch (IOException e) {
            log.warn("apphost: cannot record the compile (" + e.getMessage() + "); the next goal compiles again");
        }
    }

    /** Maven's fork for {@code goal}, with {@code compile} as its phase. */
    private void fork(MojoExecution goal) throws MojoExecutionException {
        MojoDescriptor descriptor = goal.getMojoDescriptor().clone();
        descriptor.setExecutePhase("compile");
        MojoExecution compile = new MojoExecution(descriptor, goal.getExecutionId(), goal.getSource());
        try {
            lifecycle.calculateForkedExecutions(compile, session);
            lifecycle.executeForkedExecutions(compile, session);
        } catch (Exception e) {
            // Maven's own failure (a compile error, a missing plugin) says what went wrong; keep its words
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** What {@link UpToDateCheck} looks at for each module of the reactor. */
    static List<UpToDateCheck.Module> modules(List<MavenProject> reactor) {
        List<UpToDateCheck.Module> modules = new ArrayList<>();
        for (MavenProject project : reactor) {
            Path basedir = project.getBasedir().toPath();
            Set<Path> inputs = new LinkedHashSet<>();
            for (MavenProject p = project; p != null && p.getFile() != null; p = p.getParent()) {
                inputs.add(p.getFile().toPath()); // the pom and its parents on disk (not those from a repository)
            }
            inputs.add(basedir.resolve("src").resolve("main"));
            for (String root : project.getCompileSourceRoots()) {
                inputs.add(Path.of(root));
            }
            for (Resource resource : project.getResources()) {
                inputs.add(Path.of(resource.getDirectory()));
            }
            Path buildDirectory = Path.of(project.getBuild().getDirectory());
            inputs.removeIf(input -> input.startsWith(buildDirectory)); // generated: the compile's output
            // a module with nothing to compile or copy has no classes folder after a compile either
            boolean hasSources = !"pom".equals(project.getPackaging())
                    && inputs.stream().anyMatch(input -> !input.equals(basedir.resolve("src").resolve("main"))
                            && Files.isDirectory(input));
            Optional<Path> classes = hasSources ? Optional.of(Path.of(project.getBuild().getOutputDirectory()))
                    : Optional.empty();
            modules.add(new UpToDateCheck.Module(project.getArtifactId(), basedir,
                    buildDirectory.resolve("apphost").resolve("compiled.stamp"), classes, List.copyOf(inputs)));
        }
        return modules;
    }
}
