package dev.apphost.processor;

import java.nio.file.Path;

/**
 * One module of the reactor, as read from its pom.
 *
 * @param pom absolute, normalized path of the module's pom file
 * @param relativePath the module's folder relative to the reactor root, with {@code /}
 *     separators ({@code .} for the root itself)
 * @param groupId effective groupId (inherited from {@code <parent>} when not set)
 * @param artifactId artifactId
 * @param version effective version (inherited from {@code <parent>} when not set)
 * @param packaging packaging, {@code jar} when not set
 * @param projectName the module's own {@code apphost.projectName} property, or {@code null}
 */
public record ModuleInfo(
        Path pom,
        String relativePath,
        String groupId,
        String artifactId,
        String version,
        String packaging,
        String projectName) {

    /** Jar and war modules are runnable; pom aggregators and other packagings are not. */
    public boolean isRunnable() {
        return "jar".equals(packaging) || "war".equals(packaging);
    }

    /** Folder of the module. */
    public Path dir() {
        return pom.getParent();
    }

    /** {@code relativePath (pom)}, used in messages. */
    public String describe() {
        return relativePath + " (" + pom + ")";
    }
}
