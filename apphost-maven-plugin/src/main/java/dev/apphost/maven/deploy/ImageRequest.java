package dev.apphost.maven.deploy;

import dev.apphost.launch.ProjectLaunch;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build: a module, the image name, the base image ({@code docker://local/jre:17} reads the
 * local engine, {@code registry://…} or a plain reference a registry, {@code tar://…} a file), and
 * where to push ({@code toRegistry}) or load it (the local engine).
 *
 * @param cacheDirectory Jib's layer caches: unchanged layers are taken from here, not rebuilt
 */
public record ImageRequest(ProjectLaunch project, String image, String baseImage, List<String> jvmFlags,
        boolean toRegistry, Path cacheDirectory) {

    public ImageRequest {
        jvmFlags = List.copyOf(jvmFlags);
    }

    public static ImageRequest toDockerDaemon(ProjectLaunch project, String image, String baseImage, Path cacheDirectory) {
        return new ImageRequest(project, image, baseImage, List.of(), false, cacheDirectory);
    }
}
