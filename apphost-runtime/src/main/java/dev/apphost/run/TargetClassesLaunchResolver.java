package dev.apphost.run;

import dev.apphost.launch.MainClassNotFoundException;
import dev.apphost.launch.MainClassResolver;
import dev.apphost.model.ProjectResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs a module that is not part of the AppHost's reactor (so in no launch plan) from its own build
 * output: classpath = the module's {@code target/classes} plus any jars in
 * {@code target/dependency} (from {@code mvn dependency:copy-dependencies}); main class = pom
 * property {@code apphost.mainClass}, {@code exec.mainClass} or {@code start-class}, else the only
 * class in {@code target/classes} with a {@code public static void main(String[])}.
 */
public final class TargetClassesLaunchResolver implements ProjectLaunchResolver {


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
        Map<String, String> properties = new LinkedHashMap<>();
        String fromPom = pomProperty(pom);
        if (fromPom != null) {
            properties.put(MainClassResolver.PROPERTIES.get(0), fromPom);
        }
        try {
            return MainClassResolver.resolve(new MainClassResolver.Module(project.name(), pom, properties, null, classes));
        } catch (MainClassNotFoundException e) {
            throw new ResourceStartException("Project resource '" + project.name() + "': " + e.getMessage(), e);
        }
    }

    /** The first of {@link MainClassResolver#PROPERTIES} set in the pom's {@code <properties>}, or {@code null}. */
    static String pomProperty(Path pom) throws ResourceStartException {
        if (!Files.isRegularFile(pom)) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (String property : MainClassResolver.PROPERTIES) {
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
