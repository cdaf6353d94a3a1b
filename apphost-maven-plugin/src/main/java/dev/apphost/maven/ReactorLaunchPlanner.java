package dev.apphost.maven;

import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.MainClassResolver;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.maven.fork.AppHostLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Translates the reactor's {@link MavenProject}s (dependencies already resolved by Maven for this
 * aggregator goal) into the Maven-free {@link LaunchPlan} and {@link AppHostLocator.Module}s.
 */
final class ReactorLaunchPlanner {

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private final List<MavenProject> reactor;
    private final Map<String, MavenProject> byKey = new HashMap<>();
    private final Map<String, List<Path>> knownClasspaths;

    /** Classpaths from each project's resolved artifacts. */
    ReactorLaunchPlanner(List<MavenProject> reactor) {
        this(reactor, Map.of());
    }

    /** Classpaths from {@code knownClasspaths} ({@link #moduleKey}), else from the project's resolved artifacts. */
    ReactorLaunchPlanner(List<MavenProject> reactor, Map<String, List<Path>> knownClasspaths) {
        this.reactor = List.copyOf(reactor);
        for (MavenProject project : reactor) {
            byKey.put(moduleKey(project), project);
        }
        this.knownClasspaths = Map.copyOf(knownClasspaths);
    }

    /** {@code groupId:artifactId}: how classpaths are keyed. */
    static String moduleKey(MavenProject project) {
        return key(project.getGroupId(), project.getArtifactId());
    }

    List<AppHostLocator.Module> modules() {
        List<AppHostLocator.Module> modules = new ArrayList<>();
        for (MavenProject project : reactor) {
            if ("pom".equals(project.getPackaging())) {
                continue;
            }
            List<Path> roots = new ArrayList<>();
            for (String root : project.getCompileSourceRoots()) {
                roots.add(Path.of(root));
            }
            boolean marked = Boolean.parseBoolean(project.getProperties().getProperty("apphost.appHost", "false"));
            modules.add(new AppHostLocator.Module(project.getArtifactId(), project.getBasedir().toPath(), roots, marked));
        }
        return modules;
    }

    MavenProject project(AppHostLocator.Module module) {
        for (MavenProject project : reactor) {
            if (project.getBasedir().toPath().toAbsolutePath().normalize().equals(module.directory())) {
                return project;
            }
        }
        throw new IllegalStateException("no project for " + module.directory());
    }

    /** The plan: every non-pom module of the reactor except the AppHost and those it excludes by artifactId. */
    LaunchPlan plan(MavenProject appHost, Path reactorRoot, Set<String> excludes) {
        List<ProjectLaunch> projects = new ArrayList<>();
        for (MavenProject project : reactor) {
            if (project == appHost || "pom".equals(project.getPackaging()) || excludes.contains(project.getArtifactId())) {
                continue;
            }
            projects.add(launch(project));
        }
        return new LaunchPlan(appHost.getBasedir().toPath(), reactorRoot, projects);
    }

    ProjectLaunch launch(MavenProject project) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Map<String, String> properties = new HashMap<>();
        project.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        MainClassResolver.Result main = MainClassResolver.tryResolve(new MainClassResolver.Module(
                project.getArtifactId(), project.getFile().toPath(), properties, manifestMainClass(project), classes));
        return new ProjectLaunch(project.getFile().toPath(), project.getGroupId(), project.getArtifactId(),
                project.getVersion(), project.getBasedir().toPath(), classes, classpath(project), main.mainClass(),
                main.candidates());
    }

    /**
     * Output directory first, then compile- and runtime-scoped artifacts; artifacts built by the
     * reactor are replaced by their output directory (aggregator resolution leaves them unresolved).
     */
    List<Path> classpath(MavenProject project) {
        List<Path> known = knownClasspaths.get(moduleKey(project));
        if (known != null) {
            return known;
        }
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(Path.of(project.getBuild().getOutputDirectory()));
        for (Artifact artifact : project.getArtifacts()) {
            if (!RUNTIME_SCOPES.contains(artifact.getScope()) || !artifact.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            MavenProject module = byKey.get(key(artifact.getGroupId(), artifact.getArtifactId()));
            if (module != null && module.getVersion().equals(artifact.getBaseVersion())) {
                entries.add(Path.of(module.getBuild().getOutputDirectory()));
            } else if (artifact.getFile() != null) {
                entries.add(artifact.getFile().toPath());
            }
        }
        addReactorDependencies(project, entries, new LinkedHashSet<>());
        return new ArrayList<>(entries);
    }

    /** Direct reactor dependencies that resolution skipped, recursively. */
    private void addReactorDependencies(MavenProject project, Set<Path> entries, Set<MavenProject> seen) {
        if (!seen.add(project)) {
            return;
        }
        for (Dependency dependency : project.getDependencies()) {
            String scope = dependency.getScope() == null ? Artifact.SCOPE_COMPILE : dependency.getScope();
            MavenProject module = byKey.get(key(dependency.getGroupId(), dependency.getArtifactId()));
            if (module == null || !RUNTIME_SCOPES.contains(scope) || "pom".equals(module.getPackaging())) {
                continue;
            }
            entries.add(Path.of(module.getBuild().getOutputDirectory()));
            addReactorDependencies(module, entries, seen);
        }
    }

    static String manifestMainClass(MavenProject project) {
        Plugin jar = project.getPlugin("org.apache.maven.plugins:maven-jar-plugin");
        if (jar == null || !(jar.getConfiguration() instanceof Xpp3Dom)) {
            return null;
        }
        Xpp3Dom archive = ((Xpp3Dom) jar.getConfiguration()).getChild("archive");
        Xpp3Dom manifest = archive == null ? null : archive.getChild("manifest");
        Xpp3Dom mainClass = manifest == null ? null : manifest.getChild("mainClass");
        return mainClass == null ? null : mainClass.getValue();
    }

    private static String key(String groupId, String artifactId) {
        return groupId + ":" + artifactId;
    }
}
