package dev.apphost.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.maven.reactor.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorCompileTest {

    @TempDir
    Path dir;

    private MavenProject project(String artifactId, String packaging) throws IOException {
        Path basedir = Files.createDirectories(dir.resolve(artifactId));
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        build.setOutputDirectory(basedir.resolve("target/classes").toString());
        Resource resources = new Resource();
        resources.setDirectory(basedir.resolve("src/main/resources").toString());
        build.addResource(resources);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(Files.writeString(basedir.resolve("pom.xml"), "<project/>").toFile());
        project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
        project.addCompileSourceRoot(basedir.resolve("target/generated-sources/annotations").toString());
        return project;
    }

    @Test
    void aReactorCompiledEarlierInTheSameCommandNeedsNoFork() throws IOException {
        MavenProject root = project("root", "pom");
        MavenProject api = project("api", "jar");
        MavenProject web = project("web", "jar");

        assertThat(ReactorCompile.compiledByThisBuild(List.of(root, api, web))).isFalse();
        api.addLifecyclePhase("compile");
        assertThat(ReactorCompile.compiledByThisBuild(List.of(root, api, web))).isFalse();
        web.addLifecyclePhase("compile");
        assertThat(ReactorCompile.compiledByThisBuild(List.of(root, api, web))).isTrue();
        assertThat(ReactorCompile.compiledByThisBuild(List.of(root))).isFalse();
    }

    @Test
    void aModuleIsWatchedThroughItsPomSourcesAndResourcesButNotItsGeneratedSources() throws IOException {
        MavenProject api = project("api", "jar");
        Files.createDirectories(dir.resolve("api/src/main/java"));

        UpToDateCheck.Module module = ReactorCompile.modules(List.of(api)).get(0);

        assertThat(module.name()).isEqualTo("api");
        assertThat(module.stampFile()).isEqualTo(dir.resolve("api/target/apphost/compiled.stamp"));
        assertThat(module.classesDirectory()).contains(dir.resolve("api/target/classes"));
        assertThat(module.inputs()).containsExactly(dir.resolve("api/pom.xml"), dir.resolve("api/src/main"),
                dir.resolve("api/src/main/java"), dir.resolve("api/src/main/resources"));
    }

    @Test
    void pomModulesAndModulesWithNothingToCompileNeedNoClassesFolder() throws IOException {
        assertThat(ReactorCompile.modules(List.of(project("root", "pom"))).get(0).classesDirectory()).isEmpty();
        assertThat(ReactorCompile.modules(List.of(project("empty", "jar"))).get(0).classesDirectory()).isEmpty();
    }
}
