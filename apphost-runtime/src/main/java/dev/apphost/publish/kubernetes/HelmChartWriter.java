package dev.apphost.publish.kubernetes;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.HealthCheck;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.VolumeMount;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.publish.deploy.DeployedValues;
import dev.apphost.publish.deploy.DeploymentPlan;
import dev.apphost.publish.deploy.DeploymentSettings;
import dev.apphost.publish.deploy.ServiceEndpoint;
import dev.apphost.publish.deploy.Workloads;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link DeploymentPlan} into a Helm chart's templates, one file per object, as YAML trees.
 * Pure: {@link HelmChartPublisher} writes them with {@code Chart.yaml} and {@code values.yaml}.
 *
 * <p>The templates use only {@code {{ .Values.<group>.<key> }}} references inside double-quoted
 * strings, so {@code helm template} renders them and so does plain substitution (the tests do that,
 * then parse every object as a typed Kubernetes object). Per service:
 * <ul>
 *   <li>a {@code Deployment} (replicas, image from {@code values.images}, {@code command} from a
 *       container's entrypoint, {@code args}, ports, probes from the health check, volumes);</li>
 *   <li>a {@code Service} ({@code ClusterIP}, port = target port, so {@code <name>:<targetPort>}
 *       works as it does in Compose);</li>
 *   <li>a {@code ConfigMap} for plain variables and a {@code Secret} ({@code stringData}) for the
 *       variables that carry a secret parameter, both read with {@code envFrom};</li>
 *   <li>a {@code PersistentVolumeClaim} per named volume (size from {@code values.storage}).</li>
 * </ul>
 * Bind mounts have no portable equivalent and are left out with a warning.
 */
public final class HelmChartWriter {

    static final String DEFAULT_STORAGE = "1Gi";

    private final DeploymentPlan plan;
    private final DeploymentSettings settings;
    private final PrintStream warnings;
    private final Set<String> secretParameters;
    private final DeployedValues values;

    public HelmChartWriter(DeploymentPlan plan, DeploymentSettings settings, PrintStream warnings) {
        this.plan = plan;
        this.settings = settings;
        this.warnings = warnings;
        this.secretParameters = plan.parameters().stream().filter(ParameterResource::secret)
                .map(ParameterResource::name).collect(Collectors.toSet());
        this.values = new DeployedValues(plan, HelmChartWriter::escapeLiteral, this::valueReference);
    }

    /** Helm reads {@code {{} as the start of an action; a literal one is written as an action printing it. */
    static String escapeLiteral(String text) {
        return text.replace("{{", "{{ \"{{\" }}");
    }

    /** A Helm values key: {@code cache-password} → {@code cache_password} (Go templates cannot read hyphens). */
    public static String valuesKey(String name) {
        return EnvironmentPlanner.encodeVariableName(name).toLowerCase(Locale.ROOT);
    }

    private String valueReference(String parameter) {
        String group = secretParameters.contains(parameter) ? "secrets" : "parameters";
        return "{{ .Values." + group + "." + valuesKey(parameter) + " }}";
    }

    /** Template file name → object tree, in a stable order. */
    public Map<String, Map<String, Object>> templates() {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        for (ComputeResource resource : plan.services()) {
            String name = resource.name().toLowerCase(Locale.ROOT);
            Map<String, String> plain = new LinkedHashMap<>();
            Map<String, String> secret = new LinkedHashMap<>();
            plan.environment(resource).forEach((variable, value) -> {
                String text = values.render(value);
                (usesSecret(value) ? secret : plain).put(variable, text);
            });
            Map<String, Object> configMap = plain.isEmpty() ? null : configMap(name, plain);
            Map<String, Object> secretObject = secret.isEmpty() ? null : secret(name, secret);
            List<ServiceEndpoint> endpoints = plan.endpoints(resource.name());
            Map<String, Object> service = endpoints.isEmpty() ? null : service(name, endpoints);
            Map<String, Object> deployment = deployment(resource, name, configMap != null, secretObject != null);
            KubernetesObjects objects = new KubernetesObjects(deployment, service, configMap, secretObject);
            settings.kubernetesServiceCallbacks(resource.name()).forEach(c -> c.accept(resource, objects));
            templates.put(name + "-deployment.yaml", objects.deployment());
            if (objects.service() != null) {
                templates.put(name + "-service.yaml", objects.service());
            }
            if (objects.configMap() != null) {
                templates.put(name + "-config.yaml", objects.configMap());
            }
            if (objects.secret() != null) {
                templates.put(name + "-secrets.yaml", objects.secret());
            }
            if (resource instanceof ContainerResource container) {
                for (VolumeMount volume : container.volumes()) {
                    if (volume.name() != null) {
                        templates.put(volume.name().toLowerCase(Locale.ROOT) + "-pvc.yaml", pvc(volume.name(), name));
                    }
                }
                if (!container.bindMounts().isEmpty()) {
                    warnings.println("warning: resource '" + resource.name() + "' has bind mounts, which a Kubernetes "
                            + "cluster cannot mount from this machine; they are left out of the chart (use withVolume).");
                }
            }
        }
        return templates;
    }

    /** {@code values.yaml}'s storage sizes: one per named volume. */
    public Map<String, Object> storage() {
        Map<String, Object> storage = new LinkedHashMap<>();
        for (ComputeResource resource : plan.services()) {
            if (resource instanceof ContainerResource container) {
                container.volumes().stream().filter(v -> v.name() != null)
                        .forEach(v -> storage.put(valuesKey(v.name()), DEFAULT_STORAGE));
            }
        }
        return storage;
    }

    private boolean usesSecret(ValueExpression value) {
        return plan.parametersOf(value).stream().anyMatch(secretParameters::contains);
    }

    private static Map<String, Object> metadata(String name, String app) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels(app));
        return metadata;
    }

    private static Map<String, Object> labels(String name) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", name);
        labels.put("app.kubernetes.io/managed-by", "apphost");
        return labels;
    }

    /** An object called {@code name}, labelled as part of resource {@code app}. */
    private static Map<String, Object> object(String apiVersion, String kind, String name, String app) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata(name, app));
        return object;
    }

    private Map<String, Object> deployment(ComputeResource resource, String name, boolean hasConfig, boolean hasSecret) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        if (resource instanceof ProjectResource) {
            container.put("image", "{{ .Values.images." + valuesKey(resource.name()) + " }}");
        } else if (resource instanceof ContainerResource c) {
            container.put("image", escapeLiteral(c.imageReference()));
            if (c.entrypoint() != null) {
                container.put("command", new ArrayList<>(List.of(escapeLiteral(kubernetesText(c.entrypoint())))));
            }
        }
        List<String> args = new ArrayList<>();
        resource.settings().args().forEach(a -> args.add(kubernetesText(values.render(a))));
        if (!args.isEmpty()) {
            container.put("args", args);
        }
        List<Object> envFrom = new ArrayList<>();
        if (hasConfig) {
            envFrom.add(Map.of("configMapRef", Map.of("name", name + "-config")));
        }
        if (hasSecret) {
            envFrom.add(Map.of("secretRef", Map.of("name", name + "-secrets")));
        }
        if (!envFrom.isEmpty()) {
            container.put("envFrom", envFrom);
        }
        List<Object> ports = new ArrayList<>();
        for (ServiceEndpoint endpoint : plan.endpoints(resource.name())) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("name", portName(endpoint));
            port.put("containerPort", endpoint.targetPort());
            port.put("protocol", endpoint.endpoint().protocol().toUpperCase(Locale.ROOT));
            ports.add(port);
        }
        if (!ports.isEmpty()) {
            container.put("ports", ports);
        }
        Map<String, Object> probe = probe(resource);
        if (probe != null) {
            container.put("readinessProbe", probe);
            Map<String, Object> liveness = new LinkedHashMap<>(probe);
            liveness.put("initialDelaySeconds", 30);
            container.put("livenessProbe", liveness);
        }
        List<Object> volumes = new ArrayList<>();
        List<Object> mounts = new ArrayList<>();
        if (resource instanceof ContainerResource c) {
            int anonymous = 0;
            for (VolumeMount volume : c.volumes()) {
                String volumeName = volume.name() != null ? volume.name().toLowerCase(Locale.ROOT) : "scratch-" + anonymous++;
                Map<String, Object> source = volume.name() != null
                        ? Map.of("persistentVolumeClaim", Map.of("claimName", volumeName))
                        : Map.of("emptyDir", new LinkedHashMap<>());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", volumeName);
                entry.putAll(source);
                volumes.add(entry);
                Map<String, Object> mount = new LinkedHashMap<>();
                mount.put("name", volumeName);
                mount.put("mountPath", volume.target());
                if (volume.readOnly()) {
                    mount.put("readOnly", true);
                }
                mounts.add(mount);
            }
        }
        if (!mounts.isEmpty()) {
            container.put("volumeMounts", mounts);
        }
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("containers", new ArrayList<>(List.of(container)));
        if (!volumes.isEmpty()) {
            podSpec.put("volumes", volumes);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Map.of("labels", labels(name)));
        template.put("spec", podSpec);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", Workloads.replicas(resource));
        spec.put("selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", name)));
        spec.put("template", template);
        Map<String, Object> deployment = object("apps/v1", "Deployment", name, name);
        deployment.put("spec", spec);
        return deployment;
    }

    /** Kubernetes expands {@code $(VAR)} in command and args; {@code $$} keeps a literal {@code $(}. */
    private static String kubernetesText(String text) {
        return text.replace("$(", "$$(");
    }

    private static String portName(ServiceEndpoint endpoint) {
        String name = endpoint.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private Map<String, Object> probe(ComputeResource resource) {
        HealthCheck check = Workloads.deployableHealthCheck(resource);
        Map<String, Object> probe = new LinkedHashMap<>();
        if (check instanceof HealthCheck.Http http) {
            ServiceEndpoint endpoint = http.endpoint() != null ? plan.endpoint(resource.name(), http.endpoint())
                    : plan.endpoints(resource.name()).stream().filter(e -> e.endpoint().isHttp()).findFirst().orElse(null);
            if (endpoint == null) {
                return null;
            }
            Map<String, Object> get = new LinkedHashMap<>();
            get.put("path", http.path());
            get.put("port", endpoint.targetPort());
            get.put("scheme", endpoint.endpoint().scheme().toUpperCase(Locale.ROOT));
            probe.put("httpGet", get);
        } else if (check instanceof HealthCheck.RedisPing redis) {
            String variable = variableHolding(resource, redis.passwordParameter());
            int port = plan.endpoint(resource.name(), redis.endpoint()).targetPort();
            if (variable == null) {
                probe.put("tcpSocket", Map.of("port", port));
            } else {
                probe.put("exec", Map.of("command", new ArrayList<>(List.of("sh", "-c",
                        "REDISCLI_AUTH=\"$" + variable + "\" redis-cli -p " + port + " ping | grep -q PONG"))));
            }
        } else {
            return null;
        }
        probe.put("periodSeconds", 5);
        probe.put("timeoutSeconds", 5);
        probe.put("failureThreshold", 6);
        return probe;
    }

    /** The environment variable of {@code resource} that holds exactly {@code parameter}'s value, if any. */
    private static String variableHolding(ComputeResource resource, String parameter) {
        for (EnvironmentEntry entry : resource.settings().environment()) {
            if (entry instanceof EnvironmentEntry.Variable v
                    && v.value() instanceof ValueExpression.ParameterValue p && p.parameter().equals(parameter)) {
                return v.name();
            }
        }
        return null;
    }

    private static Map<String, Object> service(String name, List<ServiceEndpoint> endpoints) {
        List<Object> ports = new ArrayList<>();
        for (ServiceEndpoint endpoint : endpoints) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("name", portName(endpoint));
            port.put("port", endpoint.targetPort());
            port.put("targetPort", endpoint.targetPort());
            port.put("protocol", endpoint.endpoint().protocol().toUpperCase(Locale.ROOT));
            ports.add(port);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "ClusterIP");
        spec.put("selector", Map.of("app.kubernetes.io/name", name));
        spec.put("ports", ports);
        Map<String, Object> service = object("v1", "Service", name, name);
        service.put("spec", spec);
        return service;
    }

    private static Map<String, Object> configMap(String name, Map<String, String> data) {
        Map<String, Object> configMap = object("v1", "ConfigMap", name + "-config", name);
        configMap.put("data", new LinkedHashMap<>(data));
        return configMap;
    }

    private static Map<String, Object> secret(String name, Map<String, String> data) {
        Map<String, Object> secret = object("v1", "Secret", name + "-secrets", name);
        secret.put("type", "Opaque");
        secret.put("stringData", new LinkedHashMap<>(data));
        return secret;
    }

    private static Map<String, Object> pvc(String volume, String app) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("accessModes", new ArrayList<>(List.of("ReadWriteOnce")));
        spec.put("resources", Map.of("requests", Map.of("storage", "{{ .Values.storage." + valuesKey(volume) + " }}")));
        Map<String, Object> pvc = object("v1", "PersistentVolumeClaim", volume.toLowerCase(Locale.ROOT), app);
        pvc.put("spec", spec);
        return pvc;
    }
}
