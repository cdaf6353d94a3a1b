package dev.apphost.publish.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The hand-over from the publisher to {@code apphost:deploy}: the deployment's name and, for each
 * project, its {@code pom.xml}, the variable naming its image and the default image name. Written
 * next to the published files as {@value #FILE_NAME}.
 */
public final class ProjectImages {

    public static final String FILE_NAME = ".apphost-projects.properties";

    /** One project to build into an image. */
    public record Project(String resource, Path pom, String imageVariable, String defaultImage) {
    }

    private final String deploymentName;
    private final List<Project> projects = new ArrayList<>();

    public ProjectImages(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    public void add(String resource, Path pom, String imageVariable, String defaultImage) {
        projects.add(new Project(resource, pom.toAbsolutePath().normalize(), imageVariable, defaultImage));
    }

    /** The compute environment's name: the Compose project name, the Helm release name. */
    public String deploymentName() {
        return deploymentName;
    }

    public List<Project> projects() {
        return List.copyOf(projects);
    }

    public void write(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("deployment", deploymentName);
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            properties.setProperty("project." + i + ".resource", p.resource());
            properties.setProperty("project." + i + ".pom", p.pom().toString());
            properties.setProperty("project." + i + ".imageVariable", p.imageVariable());
            properties.setProperty("project." + i + ".defaultImage", p.defaultImage());
        }
        try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "apphost: projects to build into images (read by apphost:deploy)");
        }
    }

    public static ProjectImages read(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        ProjectImages images = new ProjectImages(properties.getProperty("deployment"));
        for (int i = 0; properties.containsKey("project." + i + ".resource"); i++) {
            images.add(properties.getProperty("project." + i + ".resource"),
                    Path.of(properties.getProperty("project." + i + ".pom")),
                    properties.getProperty("project." + i + ".imageVariable"),
                    properties.getProperty("project." + i + ".defaultImage"));
        }
        return images;
    }
}
