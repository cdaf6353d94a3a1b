package dev.apphost.maven;

import dev.apphost.launch.ProjectLaunch;
import dev.apphost.maven.deploy.ComposeCommand;
import dev.apphost.maven.deploy.ComposeDeployment;
import dev.apphost.maven.deploy.DeployException;
import dev.apphost.maven.deploy.ImageBuildException;
import dev.apphost.maven.deploy.ImageContents;
import dev.apphost.maven.deploy.ProjectImageBuilder;
import dev.apphost.maven.fork.CommandLineSplitter;
import dev.apphost.publish.compose.DockerComposePublisher;
import dev.apphost.publish.compose.EnvFile;
import dev.apphost.publish.deploy.DeploymentInfo;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * Deploys the app to the local container engine with Docker Compose: publishes
 * {@code docker-compose.yaml} and {@code .env} into {@code target/apphost/docker-compose}, builds
 * each project into an image with Jib (straight into the engine), runs {@code up -d}, waits until
 * every service runs and passes its health check, and prints the URLs of the external endpoints.
 * A failed deployment is taken down again. {@code apphost:undeploy} removes it.
 *
 * <pre>mvn apphost:deploy -Dapphost.baseImage=docker://local/jre:17</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", aggregator = true)
public class DeployMojo extends AbstractPublishingMojo {

    /**
     * The base image of the projects' images: a Java runtime with {@code java} on {@code PATH} (and
     * {@code wget} or {@code curl} for HTTP health checks). {@code docker://name} reads it from the
     * local engine, a plain reference from its registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.baseImage", defaultValue = "eclipse-temurin:17-jre")
    private String baseImage;

    /**
     * JVM options baked into the projects' entrypoints, as one command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.image.jvmFlags")
    private String imageJvmFlags;

    /**
     * Seconds to wait for every service to run and pass its health check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.deploy.timeout", defaultValue = "300")
    private int healthTimeout;

    /**
     * The folder the Compose files are written to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "apphost.deploy.output", defaultValue = "${project.build.directory}/apphost/docker-compose")
    private File outputDirectory;

    @Inject
    public DeployMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected void execute(AppHostContext context) throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        Path directory = outputDirectory.toPath().toAbsolutePath();
        ProjectImageBuilder builder = new ProjectImageBuilder(line -> getLog().debug("jib: " + line));
        List<ProjectLaunch> projects = context.plan.projects().stream()
                .filter(p -> !p.equals(context.appHostLaunch)).toList();
        try (ImageContents contents = ImageContents.start(builder, projects, baseImage, imageJvmFlags())) {
            PublishMojo.publish(context, this, "docker-compose", directory);
            long published = System.nanoTime();
            DeploymentInfo info = DeploymentInfo.read(directory);
            Map<String, String> env = EnvFile.read(directory.resolve(DockerComposePublisher.ENV_FILE));
            requireValues(env, directory);
            buildImages(context, info, env, builder, contents);
            long built = System.nanoTime();
            ComposeCommand compose = ComposeCommand.locate(directory.resolve(DockerComposePublisher.COMPOSE_FILE),
                    info.deploymentName(), Map.of());
            ComposeDeployment deployment = new ComposeDeployment(compose, info, line -> getLog().info("apphost: " + line));
            Map<String, URI> urls;
            long started;
            try {
                deployment.start();
                started = System.nanoTime();
                urls = deployment.awaitHealthy(Duration.ofSeconds(healthTimeout));
            } catch (DeployException e) {
                getLog().error("apphost: deployment failed; taking it down again");
                deployment.down();
                throw e;
            }
            long healthy = System.nanoTime();
            urls.forEach((endpoint, url) -> getLog().info("apphost: " + endpoint + " at " + url));
            getLog().info(String.format("apphost: deployed '%s' with Docker Compose in %.1f s (publish %.1f s, images "
                    + "%.1f s, up %.1f s, health %.1f s); mvn apphost:undeploy removes it", info.deploymentName(),
                    seconds(start, healthy), seconds(start, published), seconds(published, built),
                    seconds(built, started), seconds(started, healthy)));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read what the publisher wrote to " + directory + ": " + e.getMessage(), e);
        } catch (DeployException | ImageBuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private List<String> imageJvmFlags() throws MojoExecutionException {
        try {
            return imageJvmFlags == null ? List.of() : CommandLineSplitter.split(imageJvmFlags);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot parse apphost.image.jvmFlags: " + e.getMessage(), e);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** Empty {@code .env} values (secret parameters) must come from the environment. */
    private static void requireValues(Map<String, String> env, Path directory) throws MojoExecutionException {
        List<String> missing = new ArrayList<>();
        env.forEach((name, value) -> {
            if (value.isEmpty() && (System.getenv(name) == null || System.getenv(name).isEmpty())) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new MojoExecutionException("No value for " + String.join(", ", missing) + ": set "
                    + (missing.size() == 1 ? "it" : "them") + " in " + directory.resolve(DockerComposePublisher.ENV_FILE)
                    + " or in the environment (secret parameters are never written there by the publisher).");
        }
    }

    /**
     * One image per deployed project, all at once (most of a build is waiting on the engine), from
     * the contents worked out while the AppHost published.
     */
    private void buildImages(AppHostContext context, DeploymentInfo info, Map<String, String> env,
            ProjectImageBuilder builder, ImageContents contents) throws MojoExecutionException, ImageBuildException {
        if (info.projects().isEmpty()) {
            return;
        }
        Path cache = Path.of(project.getBuild().getDirectory(), "apphost", "jib-cache");
        ExecutorService pool = Executors.newFixedThreadPool(info.projects().size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (DeploymentInfo.Project p : info.projects()) {
                ProjectLaunch launch = context.plan.findByPom(p.pom()).orElseThrow(() -> new MojoExecutionException(
                        "Project resource '" + p.resource() + "' is " + p.pom() + ", which is not a module of this reactor."));
                String image = env.getOrDefault(p.imageVariable(), p.defaultImage());
                results.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    ProjectImageBuilder.BuiltImage built = builder.build(contents.get(launch), image, false, cache);
                    return String.format("apphost: %s image %s of %s (%s) in %.1f s",
                            built.reused() ? "up-to-date" : "built", image, p.resource(),
                            built.id().substring(0, Math.min(19, built.id().length())), (System.nanoTime() - start) / 1e9);
                }));
            }
            for (Future<String> result : results) {
                getLog().info(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while building the images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageBuildException failure) {
                throw failure;
            }
            throw new MojoExecutionException("Could not build the images: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
