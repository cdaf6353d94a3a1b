package dev.apphost.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Finds the reactor around a module and reads every module's pom with Maven's own model reader
 * ({@code MavenXpp3Reader}, lenient about unknown elements). Plain Java: no javac involved.
 *
 * <p>What it does not do, on purpose: it does not build Maven's effective model. It follows
 * {@code <modules>} of the root and of nested aggregators, but not modules declared inside
 * {@code <profiles>}; it inherits groupId and version from the {@code <parent>} element; and it
 * resolves {@code ${...}} in groupId and version from {@code project.*} values and the
 * {@code <properties>} of the pom and of its parents that are part of the reactor (CI-friendly
 * {@code ${revision}} versions work). Anything else unresolved stays as written.
 *
 * <p>An instance caches the poms it has read; use one instance per scan. Given a {@link PomCache},
 * it takes unchanged poms from there instead of parsing them.
 */
public final class ReactorScanner {

    /** Pom property by which a module names its nested class in {@code Projects}. */
    public static final String PROJECT_NAME_PROPERTY = "apphost.projectName";

    private static final String POM = "pom.xml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<Path, Model> models = new HashMap<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final PomCache cache;

    /** A scanner that reads every pom. */
    public ReactorScanner() {
        this(PomCache.none());
    }

    /** A scanner that takes unchanged poms from {@code cache} and adds the others to it. */
    ReactorScanner(PomCache cache) {
        this.cache = cache;
    }

    /**
     * Walks up from {@code start} (a folder, or a file inside one) to the first folder holding a
     * {@code pom.xml}, and returns that pom.
     *
     * @throws ReactorException {@link Message#NO_REACTOR} when there is none
     */
    public Path findModulePom(Path start) throws ReactorException {
        Path begin = start.toAbsolutePath().normalize();
        for (Path dir = begin; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve(POM);
            if (Files.isRegularFile(pom)) {
                return pom;
            }
        }
        throw new ReactorException(Problem.of(Message.NO_REACTOR, begin));
    }

    /**
     * The reactor root for a module: the top-most pom above the module whose {@code <modules>}
     * lead to it, directly or through nested aggregators. The walk stops at the first folder that
     * holds a {@code .mvn} folder (Maven's multi-module project directory marker) or at the top of
     * the file system. A module that no pom above aggregates is its own root.
     *
     * <p>A pom above the module that cannot be read is skipped with a {@link Message#POM_SKIPPED}
     * warning (see {@link #warnings()}) rather than failing: under Maven every pom of the reactor
     * has been read already, so such a pom is a stray one outside the reactor.
     */
    public Path findReactorRoot(Path modulePom) throws ReactorException {
        Path top = modulePom.toAbsolutePath().normalize().getParent();
        Path root = top.resolve(POM);
        if (Files.isDirectory(top.resolve(".mvn"))) {
            return modulePom.toAbsolutePath().normalize();
        }
        for (Path dir = top.getParent(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve(POM);
            if (Files.isRegularFile(pom) && leadsToOrSkip(pom, top)) {
                top = dir;
                root = pom;
            }
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                break;
            }
        }
        return root;
    }

    private boolean leadsToOrSkip(Path pom, Path target) {
        try {
            return leadsTo(pom, target, new HashSet<>());
        } catch (ReactorException e) {
            warnings.add(Problem.of(Message.POM_SKIPPED, pom, e.problem().text()));
            return false;
        }
    }

    /** Warnings of this scanner's scans so far (poms skipped while looking for the root). */
    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether the aggregator {@code pom}'s modules lead to the module folder {@code target}. */
    private boolean leadsTo(Path pom, Path target, Set<Path> seen) throws ReactorException {
        if (!seen.add(pom)) {
            return false;
        }
        Model model = read(pom);
        for (String entry : model.getModules()) {
            Path modulePom = modulePom(pom, entry);
            Path moduleDir = modulePom.getParent();
            if (moduleDir.equals(target)) {
                return true;
            }
            if (target.startsWith(moduleDir)
                    && Files.isRegularFile(modulePom)
                    && leadsTo(modulePom, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scans the reactor that holds the module of {@code modulePom}.
     *
     * @param modulePom the pom of the module being compiled (the AppHost's module)
     * @param reactorRoot the reactor root folder or pom, or {@code null} to find it with
     *     {@link #findReactorRoot(Path)}
     */
    public Reactor scan(Path modulePom, Path reactorRoot) throws ReactorException {
        Path appHostPom = modulePom.toAbsolutePath().normalize();
        Path rootPom;
        if (reactorRoot == null) {
            rootPom = findReactorRoot(appHostPom);
        } else {
            Path root = reactorRoot.toAbsolutePath().normalize();
            rootPom = Files.isDirectory(root) ? root.resolve(POM) : root;
            if (!Files.isRegularFile(rootPom)) {
                throw new ReactorException(Problem.of(Message.BAD_OPTION,
                        AppHostOptions.REACTOR_ROOT, reactorRoot, "there is no pom at " + rootPom));
            }
        }
        return new Reactor(rootPom, appHostPom, readModules(rootPom), warnings());
    }

    /** Reads the root pom and, depth first in declaration order, every module it leads to. */
    public List<ModuleInfo> readModules(Path rootPom) throws ReactorException {
        Path root = rootPom.toAbsolutePath().normalize();
        Path rootDir = root.getParent();
        List<Path> order = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> stack = new ArrayDeque<>();
        stack.push(root);
        seen.add(root);
        while (!stack.isEmpty()) {
            Path pom = stack.pop();
            order.add(pom);
            List<String> entries = read(pom).getModules();
            List<Path> children = new ArrayList<>();
            for (String entry : entries) {
                Path child = modulePom(pom, entry);
                if (!Files.isRegularFile(child)) {
                    throw new ReactorException(Problem.of(Message.MODULE_MISSING, pom, entry, child));
                }
                if (seen.add(child)) {
                    children.add(child);
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        Map<String, Model> byKey = new HashMap<>();
        for (Path pom : order) {
            Model model = models.get(pom);
            byKey.putIfAbsent(groupId(model) + ":" + model.getArtifactId(), model);
        }
        List<ModuleInfo> modules = new ArrayList<>(order.size());
        for (Path pom : order) {
            modules.add(toModule(rootDir, pom, models.get(pom), byKey));
        }
        return modules;
    }

    private static ModuleInfo toModule(Path rootDir, Path pom, Model model, Map<String, Model> byKey) {
        String groupId = groupId(model);
        String version = version(model);
        if (groupId.contains("${") || version.contains("${")) {
            Properties props = new Properties();
            collectProperties(model, byKey, props, new HashSet<>());
            groupId = interpolated(model, groupId, version, props);
            version = interpolate(version, props);
        }
        String relative = rootDir.relativize(pom.getParent()).toString().replace('\\', '/');
        String name = model.getProperties().getProperty(PROJECT_NAME_PROPERTY);
        return new ModuleInfo(
                pom,
                relative.isEmpty() ? "." : relative,
                groupId,
                nullToEmpty(model.getArtifactId()),
                version,
                model.getPackaging() == null ? "jar" : model.getPackaging().trim(),
                name == null || name.isBlank() ? null : name.trim());
    }

    /**
     * The groupId with {@code ${...}} resolved; leaves {@code props} ready to resolve the version
     * ({@code project.*} set, {@code project.groupId} resolved).
     */
    private static String interpolated(Model model, String groupId, String version, Properties props) {
        Parent parent = model.getParent();
        if (parent != null) {
            props.setProperty("project.parent.groupId", nullToEmpty(parent.getGroupId()));
            props.setProperty("project.parent.version", nullToEmpty(parent.getVersion()));
        }
        props.setProperty("project.artifactId", nullToEmpty(model.getArtifactId()));
        props.setProperty("project.groupId", groupId);
        props.setProperty("project.version", version);
        String resolved = interpolate(groupId, props);
        props.setProperty("project.groupId", resolved);
        return resolved;
    }

    /** Properties of the model's reactor parents first, so that the model's own win. */
    private static void collectProperties(
            Model model, Map<String, Model> byKey, Properties into, Set<Model> seen) {
        if (!seen.add(model)) {
            return;
        }
        Parent parent = model.getParent();
        if (parent != null) {
            Model parentModel = byKey.get(parent.getGroupId() + ":" + parent.getArtifactId());
            if (parentModel != null) {
                collectProperties(parentModel, byKey, into, seen);
            }
        }
        into.putAll(model.getProperties());
    }

    /** Replaces {@code ${key}} with known values, a few levels deep; unknown keys stay. */
    static String interpolate(String value, Properties props) {
        String current = value;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PLACEHOLDER.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = props.getProperty(m.group(1));
                if (replacement == null || replacement.contains("${" + m.group(1) + "}")) {
                    replacement = m.group();
                } else {
                    changed = true;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private static String groupId(Model model) {
        if (model.getGroupId() != null) {
            return model.getGroupId().trim();
        }
        Parent parent = model.getParent();
        return parent == null ? "" : nullToEmpty(parent.getGroupId()).trim();
    }

    private static String version(Model model) {
        if (model.getVersion() != null) {
            return model.getVersion().trim();
        }
        Parent parent = model.getParent();
        return parent == null ? "" : nullToEmpty(parent.getVersion()).trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The pom a {@code <module>} entry names: a folder's pom.xml, or a pom file itself. */
    private static Path modulePom(Path aggregatorPom, String entry) {
        Path path = aggregatorPom.getParent().resolve(entry.trim()).normalize();
        if (Files.isDirectory(path) || !entry.trim().endsWith(".xml")) {
            return path.resolve(POM);
        }
        return path;
    }

    /** Reads (once) one pom with Maven's model reader. */
    Model read(Path pom) throws ReactorException {
        Model cached = models.get(pom);
        if (cached != null) {
            return cached;
        }
        Model model = cache.get(pom);
        if (model != null) {
            models.put(pom, model);
            return model;
        }
        try (InputStream in = Files.newInputStream(pom)) {
            model = new MavenXpp3Reader().read(in, false);
        } catch (XmlPullParserException e) {
            throw new ReactorException(Problem.of(Message.POM_MALFORMED,
                    pom, e.getLineNumber(), e.getColumnNumber(), parserMessage(e)), e);
        } catch (IOException e) {
            throw new ReactorException(Problem.of(Message.POM_UNREADABLE, pom, String.valueOf(e)), e);
        }
        cache.put(pom, model);
        models.put(pom, model);
        return model;
    }

    /** The parser's message without the trailing position dump (the line is reported apart). */
    private static String parserMessage(XmlPullParserException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int position = message.indexOf(" (position:");
        if (position < 0) {
            position = message.indexOf("(position:");
        }
        return (position > 0 ? message.substring(0, position) : message).trim();
    }
}
