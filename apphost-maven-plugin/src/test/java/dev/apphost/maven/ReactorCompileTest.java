package dev.apphost.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.maven.reactor.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorCompileTest {

    @TempDir
    Path dir;

    private MavenProject project(String artifactId, String packaging) throws IOException {
        MavenProject project = TestModules.module(dir, artifactId, packaging);
        Path basedir = Files.createDirectories(dir.resolve(artifactId));
        Files.writeString(basedir.resolve("pom.xml"), "<project/>");
        Resource resources = new Resource();
        resources.setDirectory(basedir.resolve("src/main/resources").toString());
        project.getBuild().addResource(resources);
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
