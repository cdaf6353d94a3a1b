package dev.apphost.maven.deploy;

import dev.apphost.launch.ProjectLaunch;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The image contents ({@link ProjectImageBuilder#content}) of a reactor's project modules, worked
 * out in the background from the start: {@code apphost:deploy} learns which modules it deploys, and
 * under which image names, only once the AppHost has published, and the files and the base image
 * can be read meanwhile. A module that was not started early is worked out when asked for.
 *
 * <pre>{@code
 * try (ImageContents contents = ImageContents.start(builder, plan.projects(), "docker://local/jre:17", List.of())) {
 *     publish();                                      // the AppHost names the deployed projects
 *     builder.build(contents.get(apiservice), "apiservice:latest", false, cacheDirectory);
 * }
 * }</pre>
 */
public final class ImageContents implements AutoCloseable {

    private final ProjectImageBuilder builder;
    private final String baseImage;
    private final List<String> jvmFlags;
    private final ExecutorService pool;
    private final Map<Path, Future<ProjectImageBuilder.ImageContent>> started = new LinkedHashMap<>();

    private ImageContents(ProjectImageBuilder builder, String baseImage, List<String> jvmFlags, int threads) {
        this.builder = builder;
        this.baseImage = baseImage;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "apphost-image-contents");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts on every module of {@code candidates} that has a main class (the others cannot be
     * project images), two at a time: the AppHost's JVM runs alongside.
     */
    public static ImageContents start(ProjectImageBuilder builder, Collection<ProjectLaunch> candidates,
            String baseImage, List<String> jvmFlags) {
        List<ProjectLaunch> runnable = candidates.stream().filter(p -> p.mainClass() != null).toList();
        ImageContents contents = new ImageContents(builder, baseImage, jvmFlags, Math.min(2, runnable.size()));
        for (ProjectLaunch project : runnable) {
            contents.started.put(project.pom(), contents.pool.submit(
                    () -> builder.content(project, baseImage, jvmFlags)));
        }
        return contents;
    }

    /** {@code project}'s content: the one started early, else worked out now; failures are reported here. */
    public ProjectImageBuilder.ImageContent get(ProjectLaunch project) throws ImageBuildException, InterruptedException {
        Future<ProjectImageBuilder.ImageContent> early = started.get(project.pom());
        if (early != null) {
            try {
                return early.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImageBuildException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new ImageBuildException("Could not read " + project.coordinates() + " for its image: "
                        + e.getCause(), e.getCause());
            }
        }
        return builder.content(project, baseImage, jvmFlags);
    }

    /** Stops what is still running: a failed publish needs none of it. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
