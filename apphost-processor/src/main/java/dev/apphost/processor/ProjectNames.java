package dev.apphost.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Names the nested classes of {@code Projects}, and finds names that cannot be used.
 *
 * <p>A module's name is its {@code apphost.projectName} pom property when set, else its artifactId
 * in PascalCase: the artifactId is split into words at every character that is not an ASCII letter
 * or digit, each word gets an upper-case first letter (the rest is kept as written) and the words
 * are joined: {@code web-frontend} → {@code WebFrontend}, {@code api_service} and
 * {@code api.service} → {@code ApiService}. A name starting with a digit gets a {@code _} prefix
 * ({@code 2fa-service} → {@code _2faService}); one without any letter or digit is {@code Module}.
 *
 * <p>Two names that are equal, or differ only in case (their class files would collide on
 * case-insensitive file systems), are a collision.
 */
public final class ProjectNames {

    /** The generated class; no nested class can have its name. */
    public static final String ENCLOSING = ProjectsSourceGenerator.CLASS_NAME;

    private ProjectNames() {
    }

    /** The outcome: projects sorted by name, and the problems (errors) found. */
    public record Result(List<NamedProject> projects, List<Problem> problems) {

        public Result {
            projects = List.copyOf(projects);
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return !problems.isEmpty();
        }
    }

    /** The PascalCase name derived from an artifactId. */
    public static String fromArtifactId(String artifactId) {
        StringBuilder name = new StringBuilder(artifactId.length());
        boolean startOfWord = true;
        for (int i = 0; i < artifactId.length(); i++) {
            char c = artifactId.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit) {
                startOfWord = true;
            } else {
                name.append(startOfWord ? Character.toUpperCase(c) : c);
                startOfWord = false;
            }
        }
        if (name.length() == 0) {
            return "Module";
        }
        if (Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    /** The module's name: its {@code apphost.projectName} property, else from its artifactId. */
    public static String nameOf(ModuleInfo module) {
        return module.projectName() != null ? module.projectName() : fromArtifactId(module.artifactId());
    }

    /** Names every module, reporting invalid and reserved names and collisions. */
    public static Result assign(List<ModuleInfo> modules) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<NamedProject>> byKey = new LinkedHashMap<>();
        for (ModuleInfo module : modules) {
            String name = nameOf(module);
            if (module.projectName() != null
                    && (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name))) {
                problems.add(Problem.of(Message.INVALID_PROJECT_NAME, name, module.pom()));
                continue;
            }
            if (name.equals(ENCLOSING)) {
                problems.add(Problem.of(Message.RESERVED_NAME, name, module.describe()));
                continue;
            }
            byKey.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(new NamedProject(name, module));
        }
        List<NamedProject> projects = new ArrayList<>();
        for (List<NamedProject> group : byKey.values()) {
            if (group.size() == 1) {
                projects.add(group.get(0));
            } else {
                String modulesText = group.stream()
                        .map(p -> p.module().describe())
                        .collect(Collectors.joining(", "));
                List<String> distinct = group.stream().map(NamedProject::name).distinct().toList();
                String names = distinct.size() == 1
                        ? "Projects." + distinct.get(0)
                        : distinct.stream().map(n -> "Projects." + n).collect(Collectors.joining(", "))
                                + " (names equal but for case collide too)";
                problems.add(Problem.of(Message.NAME_COLLISION, modulesText, names));
            }
        }
        projects.sort(Comparator.comparing(NamedProject::name));
        return new Result(projects, problems);
    }
}
