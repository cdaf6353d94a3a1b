package dev.apphost.publish.compose;

import dev.apphost.Configuration;
import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.plan.PasswordGenerator;
import dev.apphost.publish.deploy.DeploymentException;
import dev.apphost.publish.deploy.DeploymentPlan;
import dev.apphost.publish.deploy.DeploymentSettings;
import dev.apphost.publish.deploy.DeploymentTarget;
import dev.apphost.publish.deploy.DeploymentInfo;
import dev.apphost.publish.deploy.ServiceEndpoint;
import dev.apphost.publish.deploy.Yaml;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --publisher docker-compose --output-path DIR}: writes {@code DIR/docker-compose.yaml}
 * (see {@link ComposeFileWriter}), {@code DIR/.env}, {@code DIR/docker-stack.yaml} (the same for
 * Swarm) and {@code DIR/}{@value DeploymentInfo#FILE_NAME}
 * (the projects whose images {@code apphost:deploy} builds, the external endpoints). Starts nothing.
 *
 * <p>{@code .env} holds one variable per parameter the services use and one image name per project.
 * Values already in an existing {@code .env} are kept, so generated passwords survive a re-publish
 * and edits stay. A generated parameter (Redis's password) gets a fresh value; a non-secret one its
 * configured or default value; a secret one stays empty — secrets are never written in clear: set
 * it in {@code .env} or in the shell's environment before {@code up}.
 */
public final class DockerComposePublisher {

    public static final String COMPOSE_FILE = "docker-compose.yaml";
    public static final String ENV_FILE = ".env";
    /** The same app for {@code docker stack deploy} (Swarm), see {@link #swarmVariant(Map)}. */
    public static final String STACK_FILE = "docker-stack.yaml";
    static final String HEADER = "# Written by apphost from the AppHost model (--publisher docker-compose).\n"
            + "# ${VARIABLES} come from .env next to this file, or from the shell's environment.\n";

    private DockerComposePublisher() {
    }

    /** Writes the files into {@code outputDirectory}; returns the compose file. */
    public static Path publish(AppModel model, ExecutionContext executionContext, Configuration configuration,
            DeploymentSettings settings, Path outputDirectory, PrintStream out) {
        DeploymentTarget target = settings.requireTarget(DeploymentTarget.Kind.DOCKER_COMPOSE);
        Path directory = outputDirectory.toAbsolutePath().normalize();
        DeploymentPlan plan = new DeploymentPlan(model, executionContext, target, out);
        Map<String, Object> file = new ComposeFileWriter(plan, settings, directory).write();
        try {
            Files.createDirectories(directory);
            Path compose = directory.resolve(COMPOSE_FILE);
            Files.writeString(compose, HEADER + Yaml.write(file), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(STACK_FILE), HEADER + Yaml.write(swarmVariant(file)),
                    StandardCharsets.UTF_8);
            Path env = directory.resolve(ENV_FILE);
            Files.writeString(env, envFile(plan, configuration, EnvFile.read(env)).text(), StandardCharsets.UTF_8);
            DeploymentInfo info = new DeploymentInfo(target.name());
            for (ComputeResource service : plan.services()) {
                if (service instanceof ProjectResource project) {
                    info.addProject(project.name(), project.projectPath(), ComposeFileWriter.imageVariable(project.name()),
                            defaultImage(project.name()));
                }
                for (ServiceEndpoint endpoint : plan.endpoints(service.name())) {
                    if (endpoint.external()) {
                        info.addExternalEndpoint(service.name(), endpoint.name(), endpoint.endpoint().scheme(),
                                endpoint.targetPort());
                    }
                }
            }
            info.write(directory);
            out.println("Published docker-compose to: " + compose);
            return compose;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Compose files to " + directory + ": " + e, e);
        }
    }

    /**
     * The Compose file as {@code docker stack deploy} reads it. Three differences, each because of
     * Swarm: {@code depends_on} is a list of names (Swarm's schema has no conditions; it starts
     * services in no order and restarts them until their dependencies answer); services are found
     * by DNS round robin ({@code deploy.endpoint_mode: dnsrr}) and ports are published on the node
     * running the task ({@code mode: host}), because Swarm's virtual IPs and routing mesh need the
     * kernel's IPVS, which many VMs lack. Everything else is the same file.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> swarmVariant(Map<String, Object> file) {
        Map<String, Object> stack = new java.util.LinkedHashMap<>(file);
        Map<String, Object> services = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) file.getOrDefault("services", Map.of())).forEach((name, value) -> {
            Map<String, Object> service = new java.util.LinkedHashMap<>((Map<String, Object>) value);
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                service.put("depends_on", new java.util.ArrayList<>(dependsOn.keySet()));
            }
            if (service.get("ports") instanceof java.util.List<?> ports) {
                service.put("ports", ports.stream().map(p -> p instanceof String text ? hostModePort(text) : p).toList());
            }
            Map<String, Object> deploy = service.get("deploy") instanceof Map<?, ?> d
                    ? new java.util.LinkedHashMap<>((Map<String, Object>) d) : new java.util.LinkedHashMap<>();
            deploy.putIfAbsent("endpoint_mode", "dnsrr");
            service.put("deploy", deploy);
            services.put(name, service);
        });
        stack.put("services", services);
        return stack;
    }

    /** {@code "[published:]target[/protocol]"} in Compose's long syntax, published on the task's node. */
    static Map<String, Object> hostModePort(String port) {
        String protocol = "tcp";
        int slash = port.indexOf('/');
        if (slash >= 0) {
            protocol = port.substring(slash + 1);
            port = port.substring(0, slash);
        }
        int colon = port.lastIndexOf(':');
        Map<String, Object> longSyntax = new java.util.LinkedHashMap<>();
        longSyntax.put("target", Integer.parseInt(port.substring(colon + 1)));
        if (colon > 0) {
            longSyntax.put("published", Integer.parseInt(port.substring(0, colon)));
        }
        longSyntax.put("protocol", protocol);
        longSyntax.put("mode", "host");
        return longSyntax;
    }

    /** The image a project gets unless {@code .env} says otherwise. */
    public static String defaultImage(String resourceName) {
        return resourceName.toLowerCase(java.util.Locale.ROOT) + ":latest";
    }

    static EnvFile envFile(DeploymentPlan plan, Configuration configuration, Map<String, String> existing) {
        EnvFile env = new EnvFile();
        for (ParameterResource parameter : plan.parameters()) {
            String name = DeploymentPlan.variableName(parameter.name());
            String kept = existing.get(name);
            String value;
            String comment;
            if (parameter.generate() != null) {
                value = kept != null && !kept.isEmpty() ? kept : PasswordGenerator.generate(parameter.generate());
                comment = "Parameter " + parameter.name() + " (secret, generated)";
            } else if (parameter.secret()) {
                value = kept != null ? kept : "";
                comment = "Parameter " + parameter.name() + " (secret: set it here or in the environment)";
            } else {
                value = kept != null ? kept : configuredValue(parameter, configuration);
                comment = "Parameter " + parameter.name();
            }
            env.put(name, value, comment);
        }
        for (ComputeResource service : plan.services()) {
            if (service instanceof ProjectResource) {
                String name = ComposeFileWriter.imageVariable(service.name());
                String kept = existing.get(name);
                env.put(name, kept != null && !kept.isEmpty() ? kept : defaultImage(service.name()),
                        "Image of project " + service.name() + " (built by mvn apphost:deploy)");
            }
        }
        return env;
    }

    /** A non-secret parameter's value at publish time: configured, else its default, else empty. */
    public static String configuredValue(ParameterResource parameter, Configuration configuration) {
        String key = parameter.configurationKey();
        String value = configuration.get(key);
        if (value == null && !parameter.isConnectionString()) {
            value = configuration.get(key.replace('-', '_'));
        }
        if (value == null) {
            value = parameter.defaultValue();
        }
        if (value != null && value.contains("\n")) {
            throw new DeploymentException("Parameter '" + parameter.name() + "' has a value spanning lines, which "
                    + ".env cannot hold.");
        }
        return value == null ? "" : value;
    }
}
