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
 * The hand-over from a deployment publisher to {@code apphost:deploy}: the deployment's name, the
 * projects to build into images (their {@code pom.xml}, the variable naming the image, the default
 * image name) and the external endpoints to print once the app is up. Written next to the published
 * files as {@value #FILE_NAME}.
 */
public final class DeploymentInfo {

    public static final String FILE_NAME = ".apphost-deployment.properties";

    /** One project to build into an image. */
    public record Project(String resource, Path pom, String imageVariable, String defaultImage) {
    }

    /** An endpoint reachable from outside: {@code scheme://host:<published port>}. */
    public record ExternalEndpoint(String service, String endpoint, String scheme, int targetPort) {
    }

    private final String deploymentName;
    private final List<Project> projects = new ArrayList<>();
    private final List<ExternalEndpoint> endpoints = new ArrayList<>();

    public DeploymentInfo(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    public void addProject(String resource, Path pom, String imageVariable, String defaultImage) {
        projects.add(new Project(resource, pom.toAbsolutePath().normalize(), imageVariable, defaultImage));
    }

    public void addExternalEndpoint(String service, String endpoint, String scheme, int targetPort) {
        endpoints.add(new ExternalEndpoint(service, endpoint, scheme, targetPort));
    }

    /** The compute environment's name: the Compose project name, the Helm chart name. */
    public String deploymentName() {
        return deploymentName;
    }

    public List<Project> projects() {
        return List.copyOf(projects);
    }

    public List<ExternalEndpoint> externalEndpoints() {
        return List.copyOf(endpoints);
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
        for (int i = 0; i < endpoints.size(); i++) {
            ExternalEndpoint e = endpoints.get(i);
            properties.setProperty("endpoint." + i + ".service", e.service());
            properties.setProperty("endpoint." + i + ".name", e.endpoint());
            properties.setProperty("endpoint." + i + ".scheme", e.scheme());
            properties.setProperty("endpoint." + i + ".targetPort", Integer.toString(e.targetPort()));
        }
        try (Writer writer = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "apphost: what apphost:deploy builds and reports");
        }
    }

    public static DeploymentInfo read(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        DeploymentInfo info = new DeploymentInfo(properties.getProperty("deployment"));
        for (int i = 0; properties.containsKey("project." + i + ".resource"); i++) {
            info.addProject(properties.getProperty("project." + i + ".resource"),
                    Path.of(properties.getProperty("project." + i + ".pom")),
                    properties.getProperty("project." + i + ".imageVariable"),
                    properties.getProperty("project." + i + ".defaultImage"));
        }
        for (int i = 0; properties.containsKey("endpoint." + i + ".service"); i++) {
            info.addExternalEndpoint(properties.getProperty("endpoint." + i + ".service"),
                    properties.getProperty("endpoint." + i + ".name"),
                    properties.getProperty("endpoint." + i + ".scheme"),
                    Integer.parseInt(properties.getProperty("endpoint." + i + ".targetPort")));
        }
        return info;
    }
}
