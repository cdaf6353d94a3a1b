package dev.apphost.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.launch.ProjectLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint that lets {@code apphost:deploy} reuse an image: what changes it and what does not. */
class ImageInputsTest {

    static final String PINNED_BASE = "local/jre@sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    private Optional<String> fingerprint(ProjectLaunch launch, String base) throws Exception {
        ProjectImageBuilder.Layers layers = ProjectImageBuilder.layers(launch);
        return ImageInputs.fingerprint(base, ImageInputs.baseImageIdentity(base), layers.all(),
                ProjectImageBuilder.entrypoint(List.of(), layers.classpath(), "demo.Main"), Map.of("k", "v"));
    }

    @Test
    void classContentAndReleaseJarTimesChangeItNothingElseDoes() throws Exception {
        Path classes = dir.resolve("hello/target/classes");
        Files.createDirectories(classes.resolve("demo"));
        Path mainClass = Files.writeString(classes.resolve("demo/Main.class"), "one");
        Path release = Files.writeString(dir.resolve("lib-1.0.jar"), "jar");
        ProjectLaunch launch = new ProjectLaunch(dir.resolve("hello/pom.xml"), "g", "hello", "1.0", dir.resolve("hello"),
                classes, List.of(classes, release), "demo.Main", List.of("demo.Main"));

        String first = fingerprint(launch, PINNED_BASE).orElseThrow();
        assertThat(fingerprint(launch, PINNED_BASE)).contains(first);

        FileTime time = Files.getLastModifiedTime(mainClass);
        Files.writeString(mainClass, "two");
        Files.setLastModifiedTime(mainClass, time);
        String changedClass = fingerprint(launch, PINNED_BASE).orElseThrow();
        assertThat(changedClass).as("same size and time, other content").isNotEqualTo(first);

        Files.setLastModifiedTime(release, FileTime.fromMillis(Files.getLastModifiedTime(release).toMillis() - 60_000));
        assertThat(fingerprint(launch, PINNED_BASE).orElseThrow()).as("release jar rebuilt or downloaded again")
                .isNotEqualTo(changedClass);

        assertThat(fingerprint(launch, "local/jre@sha256:" + "cd".repeat(32)).orElseThrow())
                .as("another base image").isNotEqualTo(changedClass);
    }

    @Test
    void aBaseImageTagFromARegistryGivesNoFingerprint() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("hello/target/classes"));
        ProjectLaunch launch = new ProjectLaunch(dir.resolve("hello/pom.xml"), "g", "hello", "1.0", dir.resolve("hello"),
                classes, List.of(classes), "demo.Main", List.of("demo.Main"));

        assertThat(fingerprint(launch, "eclipse-temurin:17-jre")).isEmpty();
    }
}
