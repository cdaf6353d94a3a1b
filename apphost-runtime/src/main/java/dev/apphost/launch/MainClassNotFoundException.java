package dev.apphost.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * A module has no main class, or several and nothing says which one to use. The message names
 * the module, the candidates found, and the pom properties that select one.
 */
public class MainClassNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String module;
    private final List<String> candidates;

    public MainClassNotFoundException(String module, Path pom, List<String> candidates) {
        super(message(module, pom, candidates));
        this.module = module;
        this.candidates = List.copyOf(candidates);
    }

    /** The module's artifactId. */
    public String module() {
        return module;
    }

    /** Classes with a {@code public static void main(String[])}; empty when none was found. */
    public List<String> candidates() {
        return candidates;
    }

    private static String message(String module, Path pom, List<String> candidates) {
        StringBuilder sb = new StringBuilder();
        if (candidates.isEmpty()) {
            sb.append("No main class found in module '").append(module).append("' (").append(pom)
                    .append("): no class in its classes directory has a public static void main(String[])")
                    .append(" (is the module compiled? run 'mvn compile' first).");
        } else {
            sb.append("Several main classes found in module '").append(module).append("' (").append(pom)
                    .append("): ").append(String.join(", ", candidates)).append('.');
        }
        sb.append(" Set one of the pom properties ");
        sb.append(String.join(", ", MainClassResolver.PROPERTIES));
        sb.append(" (e.g. <properties><apphost.mainClass>com.example.Main</apphost.mainClass></properties>)");
        sb.append(" or configure maven-jar-plugin's archive/manifest/mainClass.");
        return sb.toString();
    }
}
