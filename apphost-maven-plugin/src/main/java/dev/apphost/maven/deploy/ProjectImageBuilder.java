package dev.apphost.maven.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.apphost.launch.ProjectLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a reactor module into a container image with Jib, without a Dockerfile or a Docker build:
 * the base image (a JRE), then four layers, the most stable first so a rebuild after a code change
 * only replaces the last one:
 *
 * <ol>
 *   <li>{@code dependencies}: release jars, in {@code /app/libs};</li>
 *   <li>{@code snapshot dependencies}: {@code -SNAPSHOT} jars in {@code /app/libs} and other reactor
 *       modules' classes folders in {@code /app/modules/<artifact>};</li>
 *   <li>{@code resources}: the module's non-class files, in {@code /app/resources};</li>
 *   <li>{@code classes}: the module's {@code .class} files, in {@code /app/classes}.</li>
 * </ol>
 *
 * The entrypoint is {@code java <jvmFlags> -cp <Maven's order> <main class>}, the main class found as
 * run mode finds it. Jib's defaults make the image reproducible: file times and the creation time
 * are fixed, so the same inputs give the same image id. A build whose inputs the local engine's image
 * already carries ({@link ImageInputs}) does not run Jib at all.
 *
 * <pre>{@code
 * ProjectImageBuilder builder = new ProjectImageBuilder(System.out::println);
 * ProjectImageBuilder.ImageContent content = builder.content(launch, "docker://local/jre:17", List.of());
 * String imageId = builder.build(content, "apiservice:latest", false, cacheDir).id();
 * }</pre>
 */
public final class ProjectImageBuilder {

    static final String APP_ROOT = "/app";
    /** The name of the layer of released dependency jars. */
    static final String RELEASE_DEPENDENCIES = "dependencies";

    private final Consumer<String> log;
    private final Map<String, Optional<String>> baseImageIds = new ConcurrentHashMap<>();

    /** @param log receives Jib's progress and warnings, one line each */
    public ProjectImageBuilder(Consumer<String> log) {
        this.log = log;
    }

    /** An image in the engine or registry; {@code reused}: it was already there, Jib did not run. */
    public record BuiltImage(String id, boolean reused) {
    }

    /**
     * Everything an image of a project is made of except its name: layers, entrypoint, labels and,
     * where the base image is known locally, the {@link ImageInputs} fingerprint. Worked out before
     * the name is known, so that {@code apphost:deploy} does it while the AppHost publishes.
     */
    public record ImageContent(ProjectLaunch project, String baseImage, Layers layers, List<String> entrypoint,
            Map<String, String> labels, Optional<String> fingerprint) {
    }

    /**
     * The content of {@code project}'s image on {@code baseImage}; a missing main class or an
     * unreadable file fails here. The base image's identity is looked up once per builder.
     */
    public ImageContent content(ProjectLaunch project, String baseImage, List<String> jvmFlags)
            throws ImageBuildException {
        String mainClass = project.requireMainClass();
        try {
            Layers layers = layers(project);
            List<String> entrypoint = entrypoint(jvmFlags, layers.classpath(), mainClass);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("dev.apphost.project", project.coordinates());
            Optional<String> inputs =
                    ImageInputs.fingerprint(baseImage, baseImageIdentity(baseImage), layers.all(), entrypoint, labels);
            return new ImageContent(project, baseImage, layers, List.copyOf(entrypoint), Map.copyOf(labels), inputs);
        } catch (IOException e) {
            throw new ImageBuildException("Could not read the files of " + project.coordinates() + " for its image: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Builds {@code content} as {@code image}, into the local engine or pushed to a registry
     * ({@code toRegistry}); into the engine, an image of the same fingerprint already there
     * ({@link ImageInputs}: same base image id, entrypoint and files) is reused as it is.
     */
    public BuiltImage build(ImageContent content, String image, boolean toRegistry, Path cacheDirectory)
            throws ImageBuildException {
        try {
            Map<String, String> labels = new LinkedHashMap<>(content.labels());
            if (content.fingerprint().isPresent() && !toRegistry) {
                Optional<String> existing = ImageInputs.builtImage(image, content.fingerprint().get());
                if (existing.isPresent()) {
                    return new BuiltImage(existing.get(), true);
                }
                labels.put(ImageInputs.LABEL, content.fingerprint().get());
            }
            JibContainerBuilder builder = Jib.from(content.baseImage())
                    .setFileEntriesLayers(content.layers().all())
                    .setEntrypoint(content.entrypoint())
                    .setWorkingDirectory(AbsoluteUnixPath.get(APP_ROOT))
                    .setLabels(labels);
            Containerizer containerizer = toRegistry
                    ? Containerizer.to(RegistryImage.named(image)).setAllowInsecureRegistries(true)
                    : Containerizer.to(DockerDaemonImage.named(image));
            containerizer.setToolName("apphost")
                    .setApplicationLayersCache(cacheDirectory.resolve("application"))
                    .setBaseImageLayersCache(cacheDirectory.resolve("base"))
                    .addEventHandler(LogEvent.class, this::onLog);
            JibContainer container = builder.containerize(containerizer);
            return new BuiltImage(container.getImageId().toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building " + image, e);
        } catch (Exception e) {
            throw new ImageBuildException("Could not build image " + image + " of " + content.project().coordinates()
                    + " from " + content.baseImage() + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> baseImageIdentity(String baseImage) {
        return baseImageIds.computeIfAbsent(baseImage, ImageInputs::baseImageIdentity);
    }

    private void onLog(LogEvent event) {
        if (event.getLevel() == LogEvent.Level.ERROR || event.getLevel() == LogEvent.Level.WARN
                || event.getLevel() == LogEvent.Level.LIFECYCLE) {
            log.accept(event.getMessage());
        }
    }

    static List<String> entrypoint(List<String> jvmFlags, List<String> classpath, String mainClass) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        entrypoint.addAll(jvmFlags);
        entrypoint.add("-cp");
        entrypoint.add(String.join(":", classpath));
        entrypoint.add(mainClass);
        return entrypoint;
    }

    /** The four layers and the classpath that reads them, in Maven's order. */
    public record Layers(FileEntriesLayer dependencies, FileEntriesLayer snapshots, FileEntriesLayer resources,
            FileEntriesLayer classes, List<String> classpath) {

        List<FileEntriesLayer> all() {
            return List.of(dependencies, snapshots, resources, classes);
        }
    }

    static Layers layers(ProjectLaunch project) throws IOException {
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName(RELEASE_DEPENDENCIES);
        FileEntriesLayer.Builder snapshots = FileEntriesLayer.builder().setName("snapshot dependencies");
        FileEntriesLayer.Builder resources = FileEntriesLayer.builder().setName("resources");
        FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName("classes");
        List<String> classpath = new ArrayList<>();
        classpath.add(APP_ROOT + "/resources");
        classpath.add(APP_ROOT + "/classes");
        Path classesDirectory = project.classesDirectory();
        if (Files.isDirectory(classesDirectory)) {
            try (Stream<Path> files = Files.walk(classesDirectory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = classesDirectory.relativize(file).toString().replace('\\', '/');
                    if (relative.endsWith(".class")) {
                        classes.addEntry(file, AbsoluteUnixPath.get(APP_ROOT + "/classes/" + relative));
                    } else {
                        resources.addEntry(file, AbsoluteUnixPath.get(APP_ROOT + "/resources/" + relative));
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (Path entry : project.classpath()) {
            Path absolute = entry.toAbsolutePath().normalize();
            if (absolute.equals(classesDirectory)) {
                continue;
            }
            if (Files.isDirectory(absolute)) {
                String name = unique(names, moduleName(absolute));
                String target = APP_ROOT + "/modules/" + name;
                snapshots.addEntryRecursive(absolute, AbsoluteUnixPath.get(target));
                classpath.add(target);
            } else if (Files.isRegularFile(absolute)) {
                String name = unique(names, absolute.getFileName().toString());
                String target = APP_ROOT + "/libs/" + name;
                (name.contains("-SNAPSHOT") ? snapshots : dependencies).addEntry(absolute, AbsoluteUnixPath.get(target));
                classpath.add(target);
            }
        }
        return new Layers(dependencies.build(), snapshots.build(), resources.build(), classes.build(), classpath);
    }

    /** {@code …/mod/target/classes} → {@code mod}. */
    private static String moduleName(Path classesDirectory) {
        Path target = classesDirectory.getParent();
        Path module = target == null ? null : target.getParent();
        return module != null && module.getFileName() != null ? module.getFileName().toString()
                : classesDirectory.getFileName().toString();
    }

    /** Two jars may share a file name (same artifactId, other groupId): number the later ones. */
    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = i + "-" + name;
        }
        return candidate;
    }
}
