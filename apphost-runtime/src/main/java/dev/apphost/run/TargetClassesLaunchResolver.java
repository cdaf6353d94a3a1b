package dev.apphost.run;

import dev.apphost.model.ProjectResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The simple {@link ProjectLaunchResolver} for tests and IDE runs, until the Maven plugin's launch
 * plan is wired in: classpath = the module's {@code target/classes} plus any jars in
 * {@code target/dependency} (from {@code mvn dependency:copy-dependencies}); main class = pom
 * property {@code apphost.mainClass}, {@code exec.mainClass} or {@code start-class}, else the only
 * class in {@code target/classes} with a {@code public static void main(String[])}.
 */
public final class TargetClassesLaunchResolver implements ProjectLaunchResolver {

    static final List<String> MAIN_CLASS_PROPERTIES = List.of("apphost.mainClass", "exec.mainClass", "start-class");

    @Override
    public ProjectLaunchSpec resolve(ProjectResource project) throws ResourceStartException {
        Path pom = project.projectPath();
        Path module = pom.getParent();
        Path classes = module.resolve("target").resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw new ResourceStartException("Project resource '" + project.name() + "' (" + pom + ") has not been "
                    + "compiled: " + classes + " does not exist. Build it first (mvn compile, or run the AppHost "
                    + "with the apphost Maven plugin).");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        Path dependencies = module.resolve("target").resolve("dependency");
        if (Files.isDirectory(dependencies)) {
            try (Stream<Path> jars = Files.list(dependencies)) {
                jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(classpath::add);
            } catch (IOException e) {
                throw new ResourceStartException("Cannot list " + dependencies + ": " + e.getMessage(), e);
            }
        }
        return new ProjectLaunchSpec(classpath, mainClass(project, pom, classes), List.of(), module);
    }

    private static String mainClass(ProjectResource project, Path pom, Path classes) throws ResourceStartException {
        String fromPom = pomProperty(pom);
        if (fromPom != null) {
            return fromPom;
        }
        List<String> candidates;
        try {
            candidates = MainClassScanner.mainClasses(classes);
        } catch (IOException e) {
            throw new ResourceStartException("Cannot read the classes of project resource '" + project.name()
                    + "' in " + classes + ": " + e.getMessage(), e);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ResourceStartException("Cannot tell the main class of project resource '" + project.name() + "' ("
                + pom + "): " + (candidates.isEmpty() ? "no class in " + classes + " has a public static void main"
                        : "candidates are " + String.join(", ", candidates))
                + ". Set <apphost.mainClass> in the <properties> of its pom.");
    }

    /** The first of {@link #MAIN_CLASS_PROPERTIES} set in the pom's {@code <properties>}, or {@code null}. */
    static String pomProperty(Path pom) throws ResourceStartException {
        if (!Files.isRegularFile(pom)) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (String property : MAIN_CLASS_PROPERTIES) {
                for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e && "properties".equals(e.getTagName())) {
                        NodeList values = e.getElementsByTagName(property);
                        if (values.getLength() > 0 && !values.item(0).getTextContent().isBlank()) {
                            return values.item(0).getTextContent().trim();
                        }
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new ResourceStartException("Cannot read " + pom + ": " + e.getMessage(), e);
        }
    }
}
