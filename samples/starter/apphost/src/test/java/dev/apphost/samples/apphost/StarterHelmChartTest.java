package dev.apphost.samples.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apphost.publish.kubernetes.HelmTemplate;
import dev.apphost.publish.kubernetes.KubernetesApiSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's own Helm chart, as {@code mvn apphost:publish -Dapphost.publisher=kubernetes}
 * writes it: every template rendered from its values.yaml as {@code helm template} would, and every
 * object valid against the Kubernetes API schema of its kind, unknown fields refused (apphost's
 * chart validation, from apphost-runtime's test-jar).
 */
class StarterHelmChartTest {

    @TempDir
    Path chart;

    @Test
    void everyObjectOfTheStartersChartValidatesAgainstTheKubernetesApiSchema() throws Exception {
        StarterAppHost.main(new String[] {"--publisher", "kubernetes", "--output-path", chart.toString()});

        Map<String, JsonNode> objects = HelmTemplate.render(chart);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        objects.forEach((id, object) -> {
            List<String> messages = KubernetesApiSchema.load().validate(object);
            if (!messages.isEmpty()) {
                errors.put(id, messages);
            }
        });
        assertThat(errors).as("schema errors of the starter's chart").isEmpty();

        // every resource of the model is in the chart, each with its Deployment and Service
        assertThat(objects.keySet()).contains("Deployment/cache", "Service/cache", "Deployment/apiservice",
                "Service/apiservice", "Deployment/webfrontend", "Service/webfrontend");
        assertThat(objects.get("Deployment/webfrontend").at("/spec/template/spec/containers/0/readinessProbe/httpGet/path")
                .asText()).isEqualTo("/health");
    }
}
