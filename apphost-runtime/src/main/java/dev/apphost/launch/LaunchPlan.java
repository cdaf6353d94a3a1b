package dev.apphost.launch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apphost.publish.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the AppHost needs to know about the Maven reactor to launch its project resources: for each
 * module, its pom, coordinates, runtime classpath and main class. Immutable.
 *
 * <p>The Maven plugin writes it to {@code target/apphost/launch-plan.json} of the AppHost module
 * ({@link #DEFAULT_RELATIVE_PATH}) and starts the AppHost JVM with
 * {@code -D}{@value #SYSTEM_PROPERTY}{@code =<that file>},
 * {@code -D}{@value #APP_HOST_DIRECTORY_PROPERTY}{@code =<AppHost module folder>} and
 * {@code -D}{@value #PARENT_PID_PROPERTY}{@code =<Maven's pid>}. Without those (AppHost started
 * from the IDE), {@link LaunchPlanProvider#obtain(Path)} produces the plan by running Maven once.
 *
 * <pre>{@code
 * LaunchPlan plan = LaunchPlan.read(Path.of(System.getProperty(LaunchPlan.SYSTEM_PROPERTY)));
 * ProjectLaunch api = plan.findByPom(Path.of("../apiservice")).orElseThrow();
 * String main = api.requireMainClass();
 * }</pre>
 */
@JsonPropertyOrder({"formatVersion", "appHostDirectory", "reactorRoot", "projects"})
public final class LaunchPlan {

    /** System property holding the absolute path of the launch plan JSON file. */
    public static final String SYSTEM_PROPERTY = "apphost.launchPlan";

    /** System property holding the AppHost module's folder (absolute). */
    public static final String APP_HOST_DIRECTORY_PROPERTY = "apphost.appHostDirectory";

    /**
     * System property holding the pid of the process that started the AppHost (Maven). The
     * AppHost exits, stopping everything it started, when that process is gone.
     */
    public static final String PARENT_PID_PROPERTY = "apphost.parentPid";

    /** Where the plan lives, relative to the AppHost module's folder. */
    public static final String DEFAULT_RELATIVE_PATH = "target/apphost/launch-plan.json";

    /** Version of the JSON format; bumped on incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    /** Made on first use: a Jackson mapper costs seconds of class loading in a fresh JVM, and most runs read no plan. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private final Path appHostDirectory;
    private final Path reactorRoot;
    private final List<ProjectLaunch> projects;

    @JsonCreator
    public LaunchPlan(
            @JsonProperty("appHostDirectory") Path appHostDirectory,
            @JsonProperty("reactorRoot") Path reactorRoot,
            @JsonProperty("projects") List<ProjectLaunch> projects) {
        this.appHostDirectory =
                Objects.requireNonNull(appHostDirectory, "appHostDirectory == null").toAbsolutePath().normalize();
        this.reactorRoot = Objects.requireNonNull(reactorRoot, "reactorRoot == null").toAbsolutePath().normalize();
        this.projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /** The default location of the plan for an AppHost module folder. */
    public static Path defaultLocation(Path appHostDirectory) {
        return appHostDirectory.resolve(DEFAULT_RELATIVE_PATH);
    }

    /** Reads a plan written by {@link #write(Path)}. */
    public static LaunchPlan read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), LaunchPlan.class);
    }

    /** Reads the plan named by the {@value #SYSTEM_PROPERTY} system property, if set. */
    public static Optional<LaunchPlan> fromSystemProperty() {
        String location = System.getProperty(SYSTEM_PROPERTY);
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the launch plan " + location + " (system property " + SYSTEM_PROPERTY + ")", e);
        }
    }

    /** Writes the plan as JSON, atomically where the file system allows, creating parent folders. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "launch-plan", ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicNotSupported) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The plan as JSON text, in the shape {@link #read(Path)} takes. Written without Jackson: the
     * Maven plugin writes a plan at every goal, and a Jackson mapper's start-up would be most of that.
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .property("formatVersion", FORMAT_VERSION)
                .property("appHostDirectory", appHostDirectory.toString())
                .property("reactorRoot", reactorRoot.toString())
                .beginArray("projects");
        for (ProjectLaunch project : projects) {
            project.writeTo(json);
        }
        return json.endArray().endObject().toString();
    }

    @JsonProperty
    int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The AppHost module's folder. */
    @JsonProperty
    public Path appHostDirectory() {
        return appHostDirectory;
    }

    /** The folder of the reactor's top-level pom. */
    @JsonProperty
    public Path reactorRoot() {
        return reactorRoot;
    }

    /** The launchable modules of the reactor (every module but the AppHost and pom-packaged ones). */
    @JsonProperty
    public List<ProjectLaunch> projects() {
        return projects;
    }

    /**
     * The module whose {@code pom.xml} is {@code pomOrDir}, or whose folder is {@code pomOrDir}.
     * Relative paths resolve against {@link #appHostDirectory()}.
     */
    public Optional<ProjectLaunch> findByPom(Path pomOrDir) {
        Objects.requireNonNull(pomOrDir, "pomOrDir == null");
        Path path = appHostDirectory.resolve(pomOrDir).toAbsolutePath().normalize();
        for (ProjectLaunch project : projects) {
            if (project.pom().equals(path) || project.directory().equals(path)) {
                return Optional.of(project);
            }
        }
        Path real = toRealPath(path);
        for (ProjectLaunch project : projects) {
            if (toRealPath(project.pom()).equals(real) || toRealPath(project.directory()).equals(real)) {
                return Optional.of(project);
            }
        }
        return Optional.empty();
    }

    /** The module with this artifactId. */
    public Optional<ProjectLaunch> findByArtifactId(String artifactId) {
        return projects.stream().filter(p -> p.artifactId().equals(artifactId)).findFirst();
    }

    private static Path toRealPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LaunchPlan)) {
            return false;
        }
        LaunchPlan that = (LaunchPlan) o;
        return appHostDirectory.equals(that.appHostDirectory)
                && reactorRoot.equals(that.reactorRoot)
                && projects.equals(that.projects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appHostDirectory, reactorRoot, projects);
    }

    @Override
    public String toString() {
        return "LaunchPlan[appHostDirectory=" + appHostDirectory + ", projects=" + projects + "]";
    }
}
