package dev.apphost.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.project.MavenProject;

/**
 * Keeps Maven's reactor summary truthful for the aggregator goals that fork {@code compile}
 * ({@code run}, {@code manifest}): Maven compiles every module of the reactor in that fork but runs
 * the goal under the root only, so its summary would list every other module as {@code SKIPPED}
 * (after a success as well as a failure). Marking them compiled before the AppHost starts makes the
 * summary say {@code SUCCESS} for them and the root's own result for the root:
 *
 * <pre>{@code
 * ForkedModules.markCompiled(session.getResult(), session.getProjects(), session.getCurrentProject());
 * }</pre>
 *
 * Their time shows as 0 s: Maven counts the fork's time under the root.
 */
final class ForkedModules {

    private ForkedModules() {
    }

    /**
     * Adds a success to the summary of every reactor module but {@code root} that has no result yet
     * (a module built by an earlier goal on the same command line keeps its own); returns those marked.
     */
    static List<MavenProject> markCompiled(MavenExecutionResult result, List<MavenProject> reactor, MavenProject root) {
        List<MavenProject> marked = new ArrayList<>();
        for (MavenProject module : reactor) {
            if (module != root && result.getBuildSummary(module) == null) {
                result.addBuildSummary(new BuildSuccess(module, 0));
                marked.add(module);
            }
        }
        return marked;
    }
}
