package dev.apphost.publish.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apphost.TestApps;
import dev.apphost.publish.compose.DeployTestApps;
import dev.apphost.publish.deploy.DeploymentException;
import dev.apphost.publish.deploy.Golden;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart of the sample app: every file against its golden file, then every template rendered
 * ({@link HelmTemplate}: the {@code {{ .Values.x.y }}} references the chart uses, substituted from
 * its values.yaml as {@code helm template} would) and parsed as a typed fabric8 Kubernetes object.
 */
class HelmChartPublisherTest {

    static final ObjectMapper YAML = HelmTemplate.YAML;
    static final Path GOLDEN = Path.of("src/test/resources/deploy/helm");

    @TempDir
    Path root;

    /** The sample app's chart, published into {@code root}. */
    static Path publishSample(Path root) {
        Path output = root.resolve("apphost/target/apphost/kubernetes");
        var builder = DeployTestApps.sample(root, "kubernetes", output);
        builder.addKubernetesEnvironment("weather");
        builder.addProject("worker-api", "../worker").withHttpEndpoint(null, 9000, "admin")
                .publishAsKubernetesService((resource, objects) -> {
                    @SuppressWarnings("unchecked")
                    var metadata = (Map<String, Object>) objects.deployment().get("metadata");
                    metadata.put("annotations", Map.of("team", "weather"));
                });
        builder.build().run();
        return output;
    }

    @Test
    void chartMatchesTheGoldenFiles() throws IOException {
        Path chart = publishSample(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(chart)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> names = files.stream().map(f -> chart.relativize(f).toString()).toList();
        assertThat(names).containsExactly("Chart.yaml", "templates/apiservice-config.yaml",
                "templates/apiservice-deployment.yaml", "templates/apiservice-service.yaml",
                "templates/cache-deployment.yaml", "templates/cache-secrets.yaml", "templates/cache-service.yaml",
                "templates/web-config.yaml", "templates/web-deployment.yaml", "templates/web-logs-pvc.yaml",
                "templates/web-service.yaml", "templates/webfrontend-config.yaml",
                "templates/webfrontend-deployment.yaml", "templates/webfrontend-secrets.yaml",
                "templates/webfrontend-service.yaml", "templates/worker-api-config.yaml",
                "templates/worker-api-deployment.yaml", "templates/worker-api-service.yaml", "values.yaml");
        for (Path file : files) {
            if (!file.getFileName().toString().equals("values.yaml")) {
                Golden.assertMatches(file, GOLDEN.resolve(chart.relativize(file)));
            }
        }
        Path values = root.resolve("values.yaml.txt");
        Files.writeString(values, Files.readString(chart.resolve("values.yaml"))
                .replaceAll("cache_password: \"?[A-Za-z0-9]{22,}\"?", "cache_password: GENERATED"));
        Golden.assertMatches(values, GOLDEN.resolve("values.yaml.txt"));
    }

    @Test
    void everyRenderedObjectParsesAsATypedKubernetesObject() throws IOException {
        Path chart = publishSample(root);
        JsonNode values = YAML.readTree(chart.resolve("values.yaml").toFile());
        Map<String, HasMetadata> objects = new LinkedHashMap<>();
        try (Stream<Path> templates = Files.list(chart.resolve("templates"))) {
            for (Path template : templates.sorted().toList()) {
                String rendered = HelmTemplate.render(Files.readString(template), values);
                String kind = YAML.readTree(rendered).get("kind").asText();
                Class<? extends HasMetadata> type = switch (kind) {
                    case "Deployment" -> Deployment.class;
                    case "Service" -> Service.class;
                    case "ConfigMap" -> ConfigMap.class;
                    case "Secret" -> Secret.class;
                    case "PersistentVolumeClaim" -> PersistentVolumeClaim.class;
                    default -> throw new AssertionError("unexpected kind " + kind + " in " + template);
                };
                HasMetadata object = YAML.readValue(rendered, type);
                objects.put(kind + "/" + object.getMetadata().getName(), object);
            }
        }
        Deployment webfrontend = (Deployment) objects.get("Deployment/webfrontend");
        var container = webfrontend.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(webfrontend.getSpec().getReplicas()).isEqualTo(1);
        assertThat(container.getImage()).isEqualTo("webfrontend:latest");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
        assertThat(container.getEnvFrom()).extracting(e -> e.getConfigMapRef() != null ? e.getConfigMapRef().getName()
                : e.getSecretRef().getName()).containsExactly("webfrontend-config", "webfrontend-secrets");

        ConfigMap config = (ConfigMap) objects.get("ConfigMap/webfrontend-config");
        assertThat(config.getData()).containsEntry("services__apiservice__http__0", "http://apiservice:8080")
                .containsEntry("SERVER_PORT", "8080").containsEntry("GREETING", "hello $USER")
                .doesNotContainKey("ConnectionStrings__cache");
        Secret secret = (Secret) objects.get("Secret/webfrontend-secrets");
        String password = values.get("secrets").get("cache_password").asText();
        assertThat(secret.getStringData()).containsEntry("ConnectionStrings__cache", "cache:6379,password=" + password)
                .containsEntry("API_KEY", "");

        Service cache = (Service) objects.get("Service/cache");
        assertThat(cache.getSpec().getPorts().get(0).getPort()).isEqualTo(6379);
        Deployment redis = (Deployment) objects.get("Deployment/cache");
        var redisContainer = redis.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(redisContainer.getCommand()).containsExactly("/bin/sh");
        assertThat(redisContainer.getArgs()).containsExactly("-c", "redis-server --requirepass $REDIS_PASSWORD");
        assertThat(redisContainer.getReadinessProbe().getExec().getCommand()).contains("sh", "-c");

        PersistentVolumeClaim pvc = (PersistentVolumeClaim) objects.get("PersistentVolumeClaim/web-logs");
        assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("1Gi");
        assertThat(objects.get("Deployment/worker-api").getMetadata().getAnnotations()).containsEntry("team", "weather");
    }

    @Test
    void withoutAKubernetesEnvironmentThePublisherSaysWhatToAdd() {
        var builder = TestApps.builder(root, Map.of(), "--publisher", "kubernetes", "--output-path", "out");
        builder.addRedis("cache");
        assertThatThrownBy(() -> builder.build().run())
                .isInstanceOf(DeploymentException.class)
                .hasMessage("--publisher kubernetes needs a compute environment of that kind in the model: add "
                        + "builder.addKubernetesEnvironment(\"k8s\") to the AppHost.");
    }
}
