package dev.apphost.maven;

import dev.apphost.maven.deploy.ComposeCommand;
import dev.apphost.maven.deploy.ComposeDeployment;
import dev.apphost.maven.deploy.DeployException;
import dev.apphost.publish.compose.DockerComposePublisher;
import dev.apphost.publish.deploy.DeploymentInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Takes down what {@code apphost:deploy} brought up: {@code down -v --remove-orphans} on the
 * published Compose file removes the containers, the network and the volumes. The projects' images
 * stay (like build output, they make the next deploy fast).
 *
 * @since 0.1.0
 */
@Mojo(name = "undeploy", aggregator = true)
public class UndeployMojo extends AbstractMojo {

    /**
     * The folder {@code apphost:deploy} wrote the Compose files to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.deploy.output", defaultValue = "${project.build.directory}/apphost/docker-compose")
    private File outputDirectory;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            return;
        }
        Path directory = outputDirectory.toPath().toAbsolutePath();
        Path composeFile = directory.resolve(DockerComposePublisher.COMPOSE_FILE);
        if (!Files.isRegularFile(composeFile)) {
            throw new MojoExecutionException("Nothing to undeploy: " + composeFile + " does not exist (apphost:deploy "
                    + "writes it; -Dapphost.deploy.output names another folder).");
        }
        try {
            DeploymentInfo info = DeploymentInfo.read(directory);
            ComposeCommand compose = ComposeCommand.locate(composeFile, info.deploymentName(), Map.of());
            new ComposeDeployment(compose, info, line -> getLog().info("apphost: " + line)).down();
            getLog().info("apphost: undeployed '" + info.deploymentName() + "'");
        } catch (IOException | DeployException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
