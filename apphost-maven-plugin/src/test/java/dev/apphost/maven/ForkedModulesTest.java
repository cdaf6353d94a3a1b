package dev.apphost.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ForkedModulesTest {

    private static MavenProject project(String artifactId) {
        Model model = new Model();
        model.setGroupId("it");
        model.setArtifactId(artifactId);
        model.setVersion("1");
        return new MavenProject(model);
    }

    @Test
    void modulesCompiledInTheForkAreMarkedSuccessfulButTheRootAndModulesWithAResultAreLeftAlone() {
        MavenProject root = project("root");
        MavenProject worker = project("worker");
        MavenProject apphost = project("apphost");
        MavenProject built = project("built");
        MavenExecutionResult result = new DefaultMavenExecutionResult();
        BuildFailure earlier = new BuildFailure(built, 5, new IllegalStateException("x"));
        result.addBuildSummary(earlier);

        List<MavenProject> marked = ForkedModules.markCompiled(result, List.of(root, worker, apphost, built), root);

        assertThat(marked).containsExactly(worker, apphost);
        assertThat(result.getBuildSummary(root)).isNull();
        assertThat(result.getBuildSummary(worker)).isInstanceOf(BuildSuccess.class);
        assertThat(result.getBuildSummary(apphost)).isInstanceOf(BuildSuccess.class);
        assertThat(result.getBuildSummary(built)).isSameAs(earlier);
    }
}
