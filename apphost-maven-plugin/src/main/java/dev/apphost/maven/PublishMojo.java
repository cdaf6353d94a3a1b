package dev.apphost.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Publishes the app model for a deployment target: runs the AppHost with
 * {@code --publisher <publisher> --output-path <folder>}, which starts nothing.
 * {@code docker-compose} writes {@code docker-compose.yaml} and {@code .env}, {@code kubernetes} a
 * Helm chart, {@code manifest} Aspire's {@code aspire-manifest.json}.
 *
 * <pre>mvn apphost:publish -Dapphost.publisher=kubernetes</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "publish", aggregator = true)
public class PublishMojo extends AbstractPublishingMojo {

    static final Set<String> PUBLISHERS = Set.of("docker-compose", "kubernetes", "manifest");

    /**
     * {@code docker-compose}, {@code kubernetes} or {@code manifest}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.publisher", defaultValue = "docker-compose")
    private String publisher;

    /**
     * The folder to write to; {@code target/apphost/<publisher>} of the execution root by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.publish.output")
    private File outputDirectory;

    @Inject
    public PublishMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException, MojoFailureException {
        if (!PUBLISHERS.contains(publisher)) {
            throw new MojoExecutionException("Unknown publisher '" + publisher + "': use -Dapphost.publisher="
                    + "docker-compose, kubernetes or manifest.");
        }
        Path directory = outputDirectory != null ? outputDirectory.toPath().toAbsolutePath()
                : defaultOutput(publisher);
        publish(context, this, publisher, directory);
        getLog().info("apphost: " + publisher + " output written to " + directory);
    }

    Path defaultOutput(String publisherName) {
        return Path.of(project.getBuild().getDirectory(), "apphost", publisherName);
    }

    /** Runs the AppHost in publish mode into {@code directory}. */
    static void publish(AppHostContext context, AbstractAppHostMojo mojo, String publisherName, Path directory)
            throws MojoExecutionException, MojoFailureException {
        RunMojo.runForeground(context, List.of("--publisher", publisherName, "--output-path", directory.toString()),
                mojo);
    }
}
