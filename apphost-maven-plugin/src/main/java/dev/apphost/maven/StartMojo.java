package dev.apphost.maven;

import dev.apphost.maven.fork.AppHostStartException;
import dev.apphost.maven.fork.BackgroundRunner;
import dev.apphost.maven.fork.WorkFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Starts the AppHost in the background, for integration tests, and returns once it printed
 * {@code apphost: all resources ready} (every resource running and healthy). Pair with
 * {@code stop} in {@code post-integration-test}. Unlike {@code run}, it does not compile: bind it
 * to {@code pre-integration-test}, or call {@code mvn compile apphost:start ...}.
 *
 * <p>The AppHost's output is written to {@code logFile} and to the Maven log; its pid to
 * {@code target/apphost/apphost.pid} of the AppHost module. If Maven dies, the AppHost notices
 * ({@code -Dapphost.parentPid}) and stops.
 *
 * @since 0.1.0
 */
@Mojo(name = "start", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST)
public class StartMojo extends AbstractAppHostMojo {

    /**
     * Seconds to wait for the AppHost to report every resource ready. On timeout the resources not
     * ready are named and the AppHost is stopped.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.startTimeout", defaultValue = "120")
    private int startTimeout;

    /**
     * File receiving the AppHost's output. Defaults to {@code target/apphost/apphost.log} of the
     * AppHost module.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.logFile")
    private File logFile;

    @Inject
    public StartMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException {
        Path log = logFile != null ? logFile.toPath() : context.workFile("apphost.log");
        Path pidFile = context.workFile(StopMojo.PID_FILE);
        BackgroundRunner runner = new BackgroundRunner(Duration.ofSeconds(startTimeout), stopBudget().killAfter());
        WorkFiles workFiles = workFiles(context);
        try {
            runner.stop(pidFile); // a leftover from an aborted build
            workFiles.prepare();
            long pid = runner.start(forkRequest(context).build(), log, pidFile, line -> getLog().info("[apphost] " + line));
            getLog().info("apphost: AppHost " + context.mainClass + " is ready (pid " + pid + ", log " + log + ")");
        } catch (AppHostStartException e) {
            workFiles.delete(); // the runner stopped the AppHost
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            workFiles.delete();
            throw new MojoExecutionException("Cannot start the AppHost JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for the AppHost", e);
        }
    }

    @Override
    protected boolean runsTheApp() {
        return true;
    }
}
