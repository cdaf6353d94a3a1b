package dev.apphost.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanTest {

    @TempDir
    Path dir;

    private LaunchPlan plan() {
        Path api = dir.resolve("apiservice");
        ProjectLaunch apiservice = new ProjectLaunch(api.resolve("pom.xml"), "g", "apiservice", "1.0", api,
                api.resolve("target/classes"), List.of(api.resolve("target/classes"), dir.resolve("lib a+é\"x.jar")),
                "com.example.Api", List.of("com.example.Api"));
        Path web = dir.resolve("web");
        ProjectLaunch webfrontend = new ProjectLaunch(web.resolve("pom.xml"), "g", "webfrontend", "1.0", null, null,
                null, null, List.of("a.One", "a.Two"));
        return new LaunchPlan(dir.resolve("apphost"), dir, List.of(apiservice, webfrontend));
    }

    @Test
    void writesAndReadsBackAnEqualPlan() throws IOException {
        Path file = LaunchPlan.defaultLocation(dir.resolve("apphost"));

        plan().write(file);

        assertThat(file).isEqualTo(dir.resolve("apphost/target/apphost/launch-plan.json"));
        assertThat(LaunchPlan.read(file)).isEqualTo(plan());
    }

    @Test
    void writesPathsAsPlainStrings() {
        assertThat(plan().toJson())
                .contains("\"appHostDirectory\": \"" + dir.resolve("apphost").toString().replace("\\", "\\\\") + "\"")
                .doesNotContain("file:/");
    }

    @Test
    void defaultsDirectoryAndClassesDirectoryFromThePom() {
        ProjectLaunch web = plan().projects().get(1);

        assertThat(web.directory()).isEqualTo(dir.resolve("web"));
        assertThat(web.classesDirectory()).isEqualTo(dir.resolve("web/target/classes"));
        assertThat(web.classpath()).isEmpty();
    }

    @Test
    void findsProjectsByPomOrFolderRelativeToTheAppHost() {
        LaunchPlan plan = plan();

        assertThat(plan.findByPom(Path.of("../apiservice")).map(ProjectLaunch::artifactId)).hasValue("apiservice");
        assertThat(plan.findByPom(Path.of("../apiservice/pom.xml")).map(ProjectLaunch::artifactId))
                .hasValue("apiservice");
        assertThat(plan.findByPom(dir.resolve("web/pom.xml")).map(ProjectLaunch::artifactId)).hasValue("webfrontend");
        assertThat(plan.findByPom(Path.of("../nope"))).isEmpty();
        assertThat(plan.findByArtifactId("webfrontend")).isPresent();
    }

    @Test
    void requireMainClassThrowsWithCandidatesWhenAmbiguous() {
        ProjectLaunch web = plan().projects().get(1);

        assertThat(plan().projects().get(0).requireMainClass()).isEqualTo("com.example.Api");
        assertThatThrownBy(web::requireMainClass)
                .isInstanceOf(MainClassNotFoundException.class)
                .hasMessageContaining("a.One, a.Two")
                .hasMessageContaining("apphost.mainClass");
    }

    @Test
    void readsPlansWithUnknownFields() throws IOException {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, "{\"formatVersion\":1,\"future\":true,\"appHostDirectory\":\"" + json(dir)
                + "\",\"reactorRoot\":\"" + json(dir) + "\",\"projects\":[]}");

        assertThat(LaunchPlan.read(file).projects()).isEmpty();
    }

    @Test
    void systemPropertyNamesAreTheContract() {
        assertThat(LaunchPlan.SYSTEM_PROPERTY).isEqualTo("apphost.launchPlan");
        assertThat(LaunchPlan.APP_HOST_DIRECTORY_PROPERTY).isEqualTo("apphost.appHostDirectory");
        assertThat(LaunchPlan.PARENT_PID_PROPERTY).isEqualTo("apphost.parentPid");
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
