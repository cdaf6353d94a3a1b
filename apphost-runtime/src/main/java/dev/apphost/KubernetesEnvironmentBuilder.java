package dev.apphost;

/**
 * A Kubernetes compute environment (Aspire's {@code AddKubernetesEnvironment}): with it,
 * {@code --publisher kubernetes --output-path DIR} writes a Helm chart (Chart.yaml, values.yaml,
 * templates/). Its name is the chart's name.
 *
 * <pre>{@code
 * var builder = DistributedApplication.createBuilder(args);
 * builder.addKubernetesEnvironment("k8s");
 * builder.addProject(Projects.ApiService.class, "apiservice")
 *        .publishAsKubernetesService((resource, objects) -> objects.deployment().put("metadata",
 *                Map.of("name", "apiservice", "labels", Map.of("team", "weather"))));
 * builder.build().run();
 * }</pre>
 */
public final class KubernetesEnvironmentBuilder {

    private final String name;

    KubernetesEnvironmentBuilder(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
