package dev.apphost.maven;

import dev.apphost.maven.reactor.ClasspathCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.resolver.filter.CumulativeScopeArtifactFilter;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.lifecycle.internal.LifecycleDependencyResolver;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Exclusion;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The runtime classpath of every module of the reactor, for the goals that run the AppHost: what
 * {@code requiresDependencyResolution = RUNTIME} on an aggregator gives, but kept in
 * {@code target/apphost/classpaths.txt} of the execution root ({@link ClasspathCache}) and reused while
 * nothing that decides it changed: resolving a Spring Boot reactor again costs every start a few
 * hundred milliseconds. A cache miss resolves exactly as Maven does for such a goal, with its own
 * resolver.
 *
 * <pre>{@code
 * Map<String, List<Path>> classpaths = new ReactorClasspaths(session, resolver, getLog()).classpaths(false);
 * ReactorLaunchPlanner planner = new ReactorLaunchPlanner(session.getProjects(), classpaths);
 * }</pre>
 */
final class ReactorClasspaths {

    private static final List<String> RUNTIME = List.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private final MavenSession session;
    private final LifecycleDependencyResolver resolver;
    private final Log log;

    ReactorClasspaths(MavenSession session, LifecycleDependencyResolver resolver, Log log) {
        this.session = session;
        this.resolver = resolver;
        this.log = log;
    }

    /** The classpaths by {@link ReactorLaunchPlanner#moduleKey}; {@code refresh} resolves even when cached. */
    Map<String, List<Path>> classpaths(boolean refresh) throws MojoExecutionException {
        List<MavenProject> reactor = session.getProjects();
        Path file = Path.of(session.getTopLevelProject().getBuild().getDirectory(), "apphost", "classpaths.txt");
        String key = ClasspathCache.key(keyLines(session.getRepositorySession().getLocalRepository().getBasedir().toPath(),
                reactor));
        if (!refresh && !session.getRequest().isUpdateSnapshots()) {
            Optional<Map<String, List<Path>>> cached = ClasspathCache.read(file, key);
            if (cached.isPresent()) {
                log.debug("apphost: classpaths unchanged, from " + file);
                return cached.get();
            }
        }
        for (MavenProject project : reactor) {
            try {
                // as Maven does for an aggregator goal: reactor modules are left out (their classes are used)
                resolver.resolveProjectDependencies(project, RUNTIME, RUNTIME, session, true, Set.of());
                project.setArtifactFilter(new CumulativeScopeArtifactFilter(List.of(Artifact.SCOPE_RUNTIME)));
            } catch (LifecycleExecutionException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        ReactorLaunchPlanner planner = new ReactorLaunchPlanner(reactor);
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        for (MavenProject project : reactor) {
            if (!"pom".equals(project.getPackaging())) {
                classpaths.put(ReactorLaunchPlanner.moduleKey(project), planner.classpath(project));
            }
        }
        try {
            if (!ClasspathCache.write(file, key, classpaths)) {
                log.debug("apphost: a classpath entry holds a line break; the classpaths are not kept");
            }
        } catch (IOException e) {
            log.warn("apphost: cannot keep the classpaths in " + file + " (" + e.getMessage() + "); the next goal resolves"
                    + " them again");
        }
        return classpaths;
    }

    /**
     * What decides the resolution: the local repository, and for each module its coordinates, folder,
     * active profiles, remote repositories, effective dependencies and managed versions.
     */
    static List<String> keyLines(Path localRepository, List<MavenProject> reactor) {
        List<String> lines = new ArrayList<>();
        lines.add("local repository " + localRepository);
        for (MavenProject project : reactor) {
            lines.add("project " + project.getId() + " " + project.getBasedir());
            for (Profile profile : project.getActiveProfiles()) {
                lines.add("profile " + profile.getId());
            }
            for (RemoteRepository repository : project.getRemoteProjectRepositories()) {
                lines.add("repository " + repository.getId() + " " + repository.getUrl());
            }
            for (Dependency dependency : project.getDependencies()) {
                lines.add("dependency " + describe(dependency));
            }
            DependencyManagement managed = project.getDependencyManagement();
            if (managed != null) {
                for (Dependency dependency : managed.getDependencies()) {
                    lines.add("managed " + describe(dependency));
                }
            }
        }
        return lines;
    }

    private static String describe(Dependency d) {
        Set<String> exclusions = new TreeSet<>();
        for (Exclusion exclusion : d.getExclusions()) {
            exclusions.add(exclusion.getGroupId() + ":" + exclusion.getArtifactId());
        }
        return String.join(":", d.getGroupId(), d.getArtifactId(), d.getType(), String.valueOf(d.getClassifier()),
                d.getVersion(), String.valueOf(d.getScope()), String.valueOf(d.isOptional()), String.valueOf(d.getSystemPath()))
                + " " + exclusions;
    }
}
