package dev.apphost.maven;

import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/** Reactor modules as Maven models them, for the tests of the classes that read the reactor. */
final class TestModules {

    private TestModules() {
    }

    /**
     * {@code g:<artifactId>:1.0} in {@code dir/<artifactId>}: its {@code pom.xml} (not written), its
     * {@code target} and {@code target/classes}, and {@code src/main/java} as its source root.
     */
    static MavenProject module(Path dir, String artifactId, String packaging) {
        Path basedir = dir.resolve(artifactId);
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        build.setOutputDirectory(basedir.resolve("target/classes").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
        return project;
    }
}
