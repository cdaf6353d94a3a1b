package dev.apphost.maven;

import dev.apphost.maven.fork.BackgroundRunner;
import java.io.IOException;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Stops the AppHost that {@code start} started: SIGTERM, {@code apphost.shutdownTimeout} seconds
 * for it to stop its resources, then SIGKILL.
 *
 * @since 0.1.0
 */
@Mojo(name = "stop", aggregator = true, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST)
public class StopMojo extends AbstractAppHostMojo {

    static final String PID_FILE = "apphost.pid";

    @Inject
    public StopMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected boolean needsPlan() {
        return false;
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException {
        BackgroundRunner runner = new BackgroundRunner(Duration.ZERO, stopBudget().killAfter());
        try {
            if (runner.stop(context.workFile(PID_FILE))) {
                getLog().info("apphost: AppHost stopped");
            } else {
                getLog().info("apphost: no AppHost running (nothing to stop)");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot stop the AppHost: " + e.getMessage(), e);
        } finally {
            workFiles(context).delete();
        }
    }
}
