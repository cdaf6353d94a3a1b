package dev.apphost.publish.compose;

import dev.apphost.model.BindMount;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.HealthCheck;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.VolumeMount;
import dev.apphost.publish.deploy.DeployedValues;
import dev.apphost.publish.deploy.DeploymentPlan;
import dev.apphost.publish.deploy.DeploymentSettings;
import dev.apphost.publish.deploy.ServiceEndpoint;
import dev.apphost.publish.deploy.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link DeploymentPlan} into the tree of {@code docker-compose.yaml}: one service per
 * project and container. Pure: no files, no processes; {@link DockerComposePublisher} writes it.
 *
 * <ul>
 *   <li>projects: {@code image: ${<NAME>_IMAGE}} (the image {@code apphost:deploy} builds with Jib),
 *       arguments as {@code command};</li>
 *   <li>containers: image, {@code entrypoint}, arguments as {@code command}, volumes and bind mounts
 *       (relative to the output folder);</li>
 *   <li>environment from the same planner as run mode: other services at {@code <name>:<targetPort>},
 *       parameters as {@code ${VAR}} from {@code .env}, literal {@code $} as {@code $$};</li>
 *   <li>external endpoints published ({@code ports}), the others only {@code expose}d;</li>
 *   <li>{@code depends_on} from {@code waitFor} ({@code service_healthy} when the dependency has a
 *       health check, else {@code service_started}) and {@code waitForCompletion}
 *       ({@code service_completed_successfully});</li>
 *   <li>health checks: Redis {@code PING} through {@code redis-cli}, HTTP checks through
 *       {@code wget} or {@code curl} inside the service's image;</li>
 *   <li>{@code init: true}, so a shell-wrapped command stops at once on {@code down}.</li>
 * </ul>
 */
public final class ComposeFileWriter {

    static final String HEALTH_INTERVAL = "2s";
    static final String HEALTH_TIMEOUT = "5s";
    static final String HEALTH_START_PERIOD = "60s";
    static final int HEALTH_RETRIES = 10;

    private final DeploymentPlan plan;
    private final DeploymentSettings settings;
    private final Path outputDirectory;
    private final DeployedValues values;

    public ComposeFileWriter(DeploymentPlan plan, DeploymentSettings settings, Path outputDirectory) {
        this.plan = plan;
        this.settings = settings;
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.values = new DeployedValues(plan, ComposeFileWriter::escapeLiteral,
                name -> "${" + DeploymentPlan.variableName(name) + "}");
    }

    /** Compose reads {@code $} as the start of a variable; {@code $$} is a literal one. */
    static String escapeLiteral(String text) {
        return text.replace("$", "$$");
    }

    /** The variable holding a project's image name ({@code apiservice} → {@code APISERVICE_IMAGE}). */
    public static String imageVariable(String resourceName) {
        return DeploymentPlan.variableName(resourceName) + "_IMAGE";
    }

    /** The whole file as a tree. */
    public Map<String, Object> write() {
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (ComputeResource resource : plan.services()) {
            Map<String, Object> service = service(resource, volumes);
            ComposeService view = new ComposeService(resource.name(), service);
            settings.composeServiceCallbacks(resource.name()).forEach(c -> c.accept(resource, view));
            services.put(resource.name(), service);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("services", services);
        if (!volumes.isEmpty()) {
            file.put("volumes", volumes);
        }
        settings.composeFileCallbacks().forEach(c -> c.accept(file));
        return file;
    }

    private Map<String, Object> service(ComputeResource resource, Map<String, Object> volumes) {
        Map<String, Object> service = new LinkedHashMap<>();
        if (resource instanceof ProjectResource) {
            service.put("image", "${" + imageVariable(resource.name()) + "}");
        } else if (resource instanceof ContainerResource container) {
            service.put("image", escapeLiteral(container.imageReference()));
            if (container.entrypoint() != null) {
                service.put("entrypoint", new ArrayList<>(List.of(escapeLiteral(container.entrypoint()))));
            }
        }
        List<String> command = new ArrayList<>();
        resource.settings().args().forEach(a -> command.add(values.render(a)));
        if (!command.isEmpty()) {
            service.put("command", command);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        plan.environment(resource).forEach((name, value) -> environment.put(name, values.render(value)));
        if (!environment.isEmpty()) {
            service.put("environment", environment);
        }
        List<String> ports = new ArrayList<>();
        List<String> expose = new ArrayList<>();
        for (ServiceEndpoint endpoint : plan.endpoints(resource.name())) {
            String suffix = "udp".equals(endpoint.endpoint().protocol()) ? "/udp" : "";
            if (endpoint.external()) {
                ports.add((endpoint.hostPort() != null ? endpoint.hostPort() + ":" : "") + endpoint.targetPort() + suffix);
            } else {
                expose.add(endpoint.targetPort() + suffix);
            }
        }
        if (!ports.isEmpty()) {
            service.put("ports", ports);
        }
        if (!expose.isEmpty()) {
            service.put("expose", expose);
        }
        if (resource instanceof ContainerResource container) {
            List<String> mounts = mounts(container, volumes);
            if (!mounts.isEmpty()) {
                service.put("volumes", mounts);
            }
        }
        Map<String, Object> dependsOn = dependsOn(resource);
        if (!dependsOn.isEmpty()) {
            service.put("depends_on", dependsOn);
        }
        healthCheck(resource).ifPresent(h -> service.put("healthcheck", h));
        // an init process as PID 1: commands wrapped in a shell (Redis's "sh -c") stop on SIGTERM at once
        service.put("init", true);
        service.put("restart", isAwaitedForCompletion(resource) ? "no" : "unless-stopped");
        return service;
    }

    private List<String> mounts(ContainerResource container, Map<String, Object> volumes) {
        List<String> mounts = new ArrayList<>();
        for (BindMount bind : container.bindMounts()) {
            mounts.add(escapeLiteral(relativeSource(bind.source())) + ":" + bind.target() + (bind.readOnly() ? ":ro" : ""));
        }
        for (VolumeMount volume : container.volumes()) {
            if (volume.name() == null) {
                mounts.add(volume.target());
            } else {
                volumes.put(volume.name(), new LinkedHashMap<>());
                mounts.add(volume.name() + ":" + volume.target() + (volume.readOnly() ? ":ro" : ""));
            }
        }
        return mounts;
    }

    /** Compose resolves relative bind sources against the file's folder; {@code ./} marks them as paths, not volume names. */
    private String relativeSource(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        if (!absolute.getRoot().equals(outputDirectory.getRoot())) {
            return absolute.toString();
        }
        String relative = outputDirectory.relativize(absolute).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            return ".";
        }
        return relative.startsWith("..") ? relative : "./" + relative;
    }

    private Map<String, Object> dependsOn(ComputeResource resource) {
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        for (String name : Workloads.healthyWaits(resource)) {
            if (plan.isDeployed(name)) {
                ComputeResource dependency = (ComputeResource) plan.model().get(name);
                String condition = Workloads.deployableHealthCheck(dependency) != null ? "service_healthy" : "service_started";
                dependsOn.put(dependency.name(), new LinkedHashMap<>(Map.of("condition", condition)));
            }
        }
        for (String name : Workloads.startWaits(resource)) {
            if (plan.isDeployed(name)) {
                dependsOn.putIfAbsent(plan.model().get(name).name(),
                        new LinkedHashMap<>(Map.of("condition", "service_started")));
            }
        }
        for (String name : Workloads.completionWaits(resource)) {
            if (plan.isDeployed(name)) {
                dependsOn.put(plan.model().get(name).name(),
                        new LinkedHashMap<>(Map.of("condition", "service_completed_successfully")));
            }
        }
        return dependsOn;
    }

    private boolean isAwaitedForCompletion(ComputeResource resource) {
        return plan.services().stream().anyMatch(s -> Workloads.completionWaits(s).stream()
                .anyMatch(n -> n.equalsIgnoreCase(resource.name())));
    }

    private Optional<Map<String, Object>> healthCheck(ComputeResource resource) {
        HealthCheck check = Workloads.deployableHealthCheck(resource);
        String test;
        if (check instanceof HealthCheck.RedisPing redis) {
            int port = plan.endpoint(resource.name(), redis.endpoint()).targetPort();
            test = "REDISCLI_AUTH=\"${" + DeploymentPlan.variableName(redis.passwordParameter()) + "}\" redis-cli -p "
                    + port + " ping | grep -q PONG";
        } else if (check instanceof HealthCheck.Http http) {
            ServiceEndpoint endpoint = httpEndpoint(resource, http.endpoint());
            String url = endpoint.endpoint().scheme() + "://localhost:" + endpoint.targetPort() + escapeLiteral(http.path());
            test = "wget -q --spider " + url + " || curl -fsS -o /dev/null " + url;
        } else {
            return Optional.empty();
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("test", new ArrayList<>(List.of("CMD-SHELL", test)));
        health.put("interval", HEALTH_INTERVAL);
        health.put("timeout", HEALTH_TIMEOUT);
        health.put("retries", HEALTH_RETRIES);
        health.put("start_period", HEALTH_START_PERIOD);
        return Optional.of(health);
    }

    private ServiceEndpoint httpEndpoint(ComputeResource resource, String name) {
        if (name != null) {
            return plan.endpoint(resource.name(), name);
        }
        return plan.endpoints(resource.name()).stream()
                .filter(e -> e.endpoint().isHttp())
                .findFirst()
                .orElseThrow(() -> new dev.apphost.publish.deploy.DeploymentException("Resource '" + resource.name()
                        + "' has an HTTP health check but no http endpoint: add withHttpEndpoint(...)."));
    }
}
