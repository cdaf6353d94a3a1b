package dev.apphost.maven;

import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Writes the launch plan (each module's runtime classpath and main class) for the AppHost, without
 * starting anything. An AppHost started from the IDE runs this goal once through
 * {@code LaunchPlanProvider} and caches the result; the modules must have been compiled (the IDE
 * does that).
 *
 * @since 0.1.0
 */
@Mojo(name = "launch-plan", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        defaultPhase = LifecyclePhase.PROCESS_CLASSES)
public class LaunchPlanMojo extends AbstractAppHostMojo {

    /**
     * Where to write the plan. Defaults to {@code target/apphost/launch-plan.json} of the AppHost
     * module.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.launchPlan.output")
    private File output;

    @Inject
    public LaunchPlanMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected Path planFile(MavenProject appHost) {
        return output != null ? output.toPath().toAbsolutePath() : super.planFile(appHost);
    }

    @Override
    protected boolean needsMainClass() {
        return false;
    }

    @Override
    protected void execute(AppHostContext context) {
        getLog().info("apphost: launch plan for " + context.appHost.getArtifactId() + " ("
                + context.plan.projects().size() + " modules) written to " + context.planFile);
    }
}
