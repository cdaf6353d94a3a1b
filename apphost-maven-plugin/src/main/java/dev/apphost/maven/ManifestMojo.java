package dev.apphost.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Writes the AppHost's Aspire publish manifest ({@code aspire-manifest.json}): runs the AppHost
 * with {@code --publisher manifest --output-path <file>}, which describes the app and starts
 * nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "manifest", aggregator = true)
public class ManifestMojo extends AbstractPublishingMojo {

    /**
     * The manifest file to write.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.manifest.output",
            defaultValue = "${project.build.directory}/apphost/aspire-manifest.json")
    private File output;

    @Inject
    public ManifestMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException, MojoFailureException {
        File file = output.getAbsoluteFile();
        try {
            // so that a manifest left by an earlier run is never reported as this run's
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot replace " + file + ": " + e.getMessage(), e);
        }
        RunMojo.runForeground(context, List.of("--publisher", "manifest", "--output-path", file.getPath()), this);
        if (!Files.isRegularFile(file.toPath())) {
            throw new MojoExecutionException("The AppHost ended normally but wrote no manifest to " + file
                    + ": does its main method end with builder.build().run()?");
        }
        getLog().info("apphost: Aspire manifest written to " + file);
    }
}
