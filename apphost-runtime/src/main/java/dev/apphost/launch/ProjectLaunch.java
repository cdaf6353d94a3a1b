package dev.apphost.launch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apphost.publish.JsonWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to launch one module of the reactor: its coordinates, folders, runtime classpath and main
 * class. Immutable; part of a {@link LaunchPlan}.
 *
 * <p>{@link #classpath()} holds the module's classes directory first, then its runtime
 * dependencies (compile and runtime scopes), in Maven's order. {@link #mainClass()} is
 * {@code null} when {@link MainClassResolver} found none or several; {@link #mainClassCandidates()}
 * then lists what was found, and {@link #requireMainClass()} throws a
 * {@link MainClassNotFoundException} that tells the user which property to set.
 */
@JsonPropertyOrder({
    "pom", "groupId", "artifactId", "version", "directory", "classesDirectory",
    "mainClass", "mainClassCandidates", "classpath"
})
public final class ProjectLaunch {

    private final Path pom;
    private final String groupId;
    private final String artifactId;
    private final String version;
    private final Path directory;
    private final Path classesDirectory;
    private final List<Path> classpath;
    private final String mainClass;
    private final List<String> mainClassCandidates;

    @JsonCreator
    public ProjectLaunch(
            @JsonProperty("pom") Path pom,
            @JsonProperty("groupId") String groupId,
            @JsonProperty("artifactId") String artifactId,
            @JsonProperty("version") String version,
            @JsonProperty("directory") Path directory,
            @JsonProperty("classesDirectory") Path classesDirectory,
            @JsonProperty("classpath") List<Path> classpath,
            @JsonProperty("mainClass") String mainClass,
            @JsonProperty("mainClassCandidates") List<String> mainClassCandidates) {
        this.pom = Objects.requireNonNull(pom, "pom == null").toAbsolutePath().normalize();
        this.groupId = Objects.requireNonNull(groupId, "groupId == null");
        this.artifactId = Objects.requireNonNull(artifactId, "artifactId == null");
        this.version = Objects.requireNonNull(version, "version == null");
        this.directory = directory != null ? directory.toAbsolutePath().normalize() : this.pom.getParent();
        this.classesDirectory = classesDirectory != null
                ? classesDirectory.toAbsolutePath().normalize()
                : this.directory.resolve("target/classes");
        this.classpath = classpath == null ? List.of() : List.copyOf(classpath);
        this.mainClass = mainClass;
        this.mainClassCandidates = mainClassCandidates == null ? List.of() : List.copyOf(mainClassCandidates);
    }

    /** The module's {@code pom.xml}, absolute and normalized. */
    @JsonProperty
    public Path pom() {
        return pom;
    }

    @JsonProperty
    public String groupId() {
        return groupId;
    }

    @JsonProperty
    public String artifactId() {
        return artifactId;
    }

    @JsonProperty
    public String version() {
        return version;
    }

    /** The module's folder (the folder of {@link #pom()}). */
    @JsonProperty
    public Path directory() {
        return directory;
    }

    /** The module's {@code project.build.outputDirectory}, usually {@code target/classes}. */
    @JsonProperty
    public Path classesDirectory() {
        return classesDirectory;
    }

    /** Classes directory first, then runtime dependencies. */
    @JsonProperty
    public List<Path> classpath() {
        return classpath;
    }

    /** The main class, or {@code null} when none or several were found. */
    @JsonProperty
    public String mainClass() {
        return mainClass;
    }

    /** Classes with a {@code public static void main(String[])} found in the classes directory. */
    @JsonProperty
    public List<String> mainClassCandidates() {
        return mainClassCandidates;
    }

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    /**
     * The main class, or a {@link MainClassNotFoundException} naming the module, the candidates
     * found and the properties that select one.
     */
    public String requireMainClass() {
        if (mainClass == null) {
            throw new MainClassNotFoundException(artifactId, pom, mainClassCandidates);
        }
        return mainClass;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProjectLaunch)) {
            return false;
        }
        ProjectLaunch that = (ProjectLaunch) o;
        return pom.equals(that.pom)
                && groupId.equals(that.groupId)
                && artifactId.equals(that.artifactId)
                && version.equals(that.version)
                && directory.equals(that.directory)
                && classesDirectory.equals(that.classesDirectory)
                && classpath.equals(that.classpath)
                && Objects.equals(mainClass, that.mainClass)
                && mainClassCandidates.equals(that.mainClassCandidates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pom, groupId, artifactId, version, directory, classesDirectory, classpath, mainClass,
                mainClassCandidates);
    }

    @Override
    public String toString() {
        return "ProjectLaunch[" + coordinates() + ", pom=" + pom + ", mainClass=" + mainClass + "]";
    }

    /** This project as one item of {@link LaunchPlan#toJson()}'s {@code projects}. */
    void writeTo(JsonWriter json) {
        json.beginObject()
                .property("pom", pom.toString())
                .property("groupId", groupId)
                .property("artifactId", artifactId)
                .property("version", version)
                .property("directory", directory.toString())
                .property("classesDirectory", classesDirectory.toString());
        if (mainClass == null) {
            json.nullProperty("mainClass");
        } else {
            json.property("mainClass", mainClass);
        }
        json.beginArray("mainClassCandidates");
        mainClassCandidates.forEach(json::value);
        json.endArray().beginArray("classpath");
        classpath.forEach(entry -> json.value(entry.toString()));
        json.endArray().endObject();
    }
}
