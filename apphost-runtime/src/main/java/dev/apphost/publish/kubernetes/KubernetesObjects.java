package dev.apphost.publish.kubernetes;

import java.util.Map;

/**
 * The Kubernetes objects generated for one resource, handed to
 * {@code publishAsKubernetesService((resource, objects) -> ...)} before the chart is written. Each
 * object is its YAML tree (maps keep their order); {@code null} when the resource has no such object.
 *
 * <pre>{@code
 * builder.addProject(Projects.ApiService.class, "apiservice")
 *        .publishAsKubernetesService((resource, objects) -> {
 *            var spec = (Map<String, Object>) objects.deployment().get("spec");
 *            spec.put("revisionHistoryLimit", 2);
 *        });
 * }</pre>
 *
 * Strings may hold Helm template text ({@code {{ .Values.… }}}); they are written inside double quotes.
 */
public final class KubernetesObjects {

    private final Map<String, Object> deployment;
    private final Map<String, Object> service;
    private final Map<String, Object> configMap;
    private final Map<String, Object> secret;

    KubernetesObjects(Map<String, Object> deployment, Map<String, Object> service, Map<String, Object> configMap,
            Map<String, Object> secret) {
        this.deployment = deployment;
        this.service = service;
        this.configMap = configMap;
        this.secret = secret;
    }

    /** The {@code Deployment} (a {@code StatefulSet} is not generated). */
    public Map<String, Object> deployment() {
        return deployment;
    }

    /** The {@code Service}, or {@code null} when the resource has no endpoints. */
    public Map<String, Object> service() {
        return service;
    }

    /** The {@code ConfigMap} of plain environment variables, or {@code null} when there are none. */
    public Map<String, Object> configMap() {
        return configMap;
    }

    /** The {@code Secret} of variables that carry secret parameters, or {@code null} when there are none. */
    public Map<String, Object> secret() {
        return secret;
    }
}
