package dev.apphost.maven;

import dev.apphost.launch.RunOutcome;
import dev.apphost.maven.fork.AppHostExit;
import dev.apphost.maven.fork.ForegroundRunner;
import dev.apphost.maven.fork.WorkFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Runs the AppHost: compiles the reactor, writes the launch plan and forks a JVM for the
 * AppHost's main class with standard IO inherited. Ctrl+C stops the AppHost (and everything it
 * started) with a grace period of {@code apphost.shutdownTimeout} seconds.
 *
 * <p>Like {@code spring-boot:run}, the goal first runs the lifecycle up to {@code compile} for every
 * module of the reactor, so {@code mvn apphost:run} alone works on a fresh checkout: the AppHost's
 * generated {@code Projects} class and each service's classes are there. Unlike it, that compile is
 * skipped when no module changed since apphost last compiled the reactor ({@code -Dapphost.compile=always}
 * runs it anyway).
 *
 * @since 0.1.0
 */
@Mojo(name = "run", aggregator = true)
public class RunMojo extends AbstractAppHostMojo {

    @Inject
    public RunMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException, MojoFailureException {
        runForeground(context, List.of(), this);
    }

    /**
     * Forks the AppHost in the foreground with extra program arguments; fails on an abnormal exit, and
     * with a {@link MojoFailureException} naming them when it was stopped after resources failed.
     */
    static void runForeground(AppHostContext context, List<String> extraArgs, AbstractAppHostMojo mojo)
            throws MojoExecutionException, MojoFailureException {
        ForkedModules.markCompiled(mojo.session.getResult(), mojo.session.getProjects(),
                mojo.session.getCurrentProject());
        WorkFiles workFiles = workFiles(context);
        ForegroundRunner runner = new ForegroundRunner(mojo.stopBudget().killAfter(), workFiles::delete);
        Path appHostDirectory = context.appHost.getBasedir().toPath();
        int exitCode;
        try {
            workFiles.prepare();
            Files.deleteIfExists(RunOutcome.file(appHostDirectory)); // a previous run's outcome is not this one's
            exitCode = runner.run(mojo.forkRequest(context).addArguments(extraArgs).build());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the AppHost JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the AppHost was running", e);
        }
        AppHostExit exit = AppHostExit.of(exitCode, context.mainClass, failuresRecorded(appHostDirectory, mojo));
        switch (exit.kind()) {
            case STOPPED -> { }
            case STOPPED_AFTER_FAILURES -> throw new MojoFailureException(exit.message());
            case FAILED -> throw new MojoExecutionException(exit.message());
        }
    }

    private static List<RunOutcome.Failure> failuresRecorded(Path appHostDirectory, AbstractAppHostMojo mojo) {
        try {
            return RunOutcome.read(appHostDirectory);
        } catch (IOException e) {
            mojo.getLog().debug("apphost: cannot read " + RunOutcome.file(appHostDirectory) + ": " + e);
            return List.of();
        }
    }

    @Override
    protected boolean runsTheApp() {
        return true;
    }

    @Override
    protected boolean compilesTheReactor() {
        return true;
    }
}
