package dev.apphost.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.launch.MainClassNotFoundException;
import dev.apphost.launch.ProjectLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contents {@code apphost:deploy} works out while the AppHost publishes are those it would work
 * out afterwards; modules not started early, or without a main class, behave as without it. A base
 * image pinned by digest gives a fingerprint without an engine.
 */
class ImageContentsTest {

    static final String PINNED_BASE = "local/jre@sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    private ProjectLaunch module(String name, String mainClass, String classContent) throws Exception {
        Path classes = dir.resolve(name + "/target/classes");
        Files.createDirectories(classes.resolve("demo"));
        Files.writeString(classes.resolve("demo/Main.class"), classContent);
        return new ProjectLaunch(dir.resolve(name + "/pom.xml"), "g", name, "1.0", dir.resolve(name), classes,
                List.of(classes), mainClass, mainClass == null ? List.of() : List.of(mainClass));
    }

    @Test
    void earlyContentsAreTheOnesWorkedOutLater() throws Exception {
        ProjectLaunch api = module("api", "demo.Main", "api");
        ProjectLaunch web = module("web", "demo.Main", "web");
        ProjectLaunch library = module("library", null, "lib");
        ProjectImageBuilder builder = new ProjectImageBuilder(line -> { });

        try (ImageContents contents = ImageContents.start(builder, List.of(api, library), PINNED_BASE, List.of("-Xss1m"))) {
            ProjectImageBuilder.ImageContent early = contents.get(api);
            ProjectImageBuilder.ImageContent later = builder.content(api, PINNED_BASE, List.of("-Xss1m"));
            assertThat(early.fingerprint()).isPresent().isEqualTo(later.fingerprint());
            assertThat(early.entrypoint()).isEqualTo(later.entrypoint()).contains("-Xss1m", "demo.Main");

            assertThat(contents.get(web).fingerprint()).as("not started early: worked out when asked")
                    .isPresent().isNotEqualTo(early.fingerprint());
            assertThatThrownBy(() -> contents.get(library)).as("no main class: the same error as without it")
                    .isInstanceOf(MainClassNotFoundException.class);
        }
    }
}
