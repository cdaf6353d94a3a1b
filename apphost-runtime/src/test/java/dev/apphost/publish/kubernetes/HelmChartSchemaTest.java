package dev.apphost.publish.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object of the sample app's chart, rendered from its {@code values.yaml} as
 * {@code helm template} would ({@link HelmTemplate}), against the Kubernetes API schema of its apiVersion and kind, with
 * unknown fields refused ({@link KubernetesApiSchema}); and wrong objects refused with a message
 * that names the field.
 */
class HelmChartSchemaTest {

    @TempDir
    Path root;

    private Map<String, JsonNode> renderedObjects() throws IOException {
        return HelmTemplate.render(HelmChartPublisherTest.publishSample(root));
    }

    @Test
    void everyRenderedObjectValidatesAgainstTheKubernetesApiSchemaOfItsKind() throws IOException {
        Map<String, JsonNode> objects = renderedObjects();
        KubernetesApiSchema schema = KubernetesApiSchema.load();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        objects.forEach((id, object) -> {
            List<String> messages = schema.validate(object);
            if (!messages.isEmpty()) {
                errors.put(id, messages);
            }
        });
        assertThat(errors).as("schema errors of the rendered chart").isEmpty();

        assertThat(new TreeSet<>(objects.values().stream().map(o -> o.path("apiVersion").asText() + " "
                + o.path("kind").asText()).toList()))
                .containsExactly("apps/v1 Deployment", "v1 ConfigMap", "v1 PersistentVolumeClaim", "v1 Secret",
                        "v1 Service");
        JsonNode webfrontend = objects.get("Deployment/webfrontend").at("/spec/template/spec/containers/0");
        assertThat(webfrontend.at("/readinessProbe/httpGet/port").isInt()).isTrue();
        assertThat(webfrontend.has("livenessProbe")).isTrue();
        assertThat(objects.get("Deployment/cache").at("/spec/template/spec/containers/0/readinessProbe/exec/command")
                .isArray()).isTrue();
        assertThat(objects.get("Secret/webfrontend-secrets").has("stringData")).isTrue();
        assertThat(objects.get("PersistentVolumeClaim/web-logs").at("/spec/resources/requests/storage").asText())
                .isEqualTo("1Gi");
    }

    @Test
    void aMisspelledFieldIsRefusedWithItsPath() throws IOException {
        ObjectNode deployment = (ObjectNode) renderedObjects().get("Deployment/webfrontend").deepCopy();
        ObjectNode probe = (ObjectNode) deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet");
        probe.set("paht", probe.remove("path"));

        assertThat(KubernetesApiSchema.load().validate(deployment)).containsExactly(
                "$.spec.template.spec.containers[0].readinessProbe.httpGet: property 'paht' is not defined in the "
                        + "schema and the schema does not allow additional properties");
    }

    @Test
    void aValueOfTheWrongTypeOrAMissingRequiredFieldIsRefused() throws IOException {
        Map<String, JsonNode> objects = renderedObjects();
        ObjectNode deployment = (ObjectNode) objects.get("Deployment/webfrontend").deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replicas", "one");
        assertThat(KubernetesApiSchema.load().validate(deployment)).singleElement().asString()
                .startsWith("$.spec.replicas: string found, integer expected");

        ObjectNode service = (ObjectNode) objects.get("Service/webfrontend").deepCopy();
        ((ObjectNode) service.at("/spec/ports/0")).remove("port");
        assertThat(KubernetesApiSchema.load().validate(service)).singleElement().asString()
                .isEqualTo("$.spec.ports[0]: required property 'port' not found");
    }

    @Test
    void aKindTheApiDoesNotHaveIsRefused() throws IOException {
        ObjectNode deployment = (ObjectNode) renderedObjects().get("Deployment/webfrontend").deepCopy();
        deployment.put("apiVersion", "extensions/v1");

        assertThat(KubernetesApiSchema.load().validate(deployment)).containsExactly(
                "$: no Kubernetes API schema for apiVersion 'extensions/v1', kind 'Deployment' "
                        + "(looked for io.k8s.api.extensions.v1.Deployment)");
    }

    @Test
    void aKindOfAnotherApiGroupFindsItsSchema() throws IOException {
        JsonNode ingress = HelmTemplate.YAML.readTree("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: webfrontend}
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: webfrontend, port: {number: 8080}}}}
                """);
        assertThat(KubernetesApiSchema.load().validate(ingress)).isEmpty();

        ((ObjectNode) ingress.at("/spec/rules/0/http/paths/0")).put("pathType", "Prefixed");
        assertThat(KubernetesApiSchema.load().validate(ingress)).containsExactly("$.spec.rules[0].http.paths[0]"
                + ".pathType: does not have a value in the enumeration [\"Exact\", \"ImplementationSpecific\", \"Prefix\"]");
    }
}
