package dev.apphost.publish.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes API's schema of each kind, validating objects as a strict API server would
 * ({@code kubectl apply --validate=strict}: unknown fields are errors). The schema is the
 * Kubernetes OpenAPI (Swagger 2.0) definitions that fabric8 ships in
 * {@code io.fabric8:kubernetes-model-validator} as {@code openshift-generated.json}; a kind's
 * definition is {@code io.k8s.api.<group>.<version>.<Kind>} ({@code core} for {@code v1}).
 *
 * <p>Two changes make the OpenAPI definitions a JSON schema that means what the API server means:
 * every object schema that lists its properties and says nothing about others gets
 * {@code additionalProperties: false} (strict field validation), and {@code IntOrString} and
 * {@code Quantity}, which the spec types as strings with a special format, accept numbers too.
 *
 * <pre>{@code
 * List<String> errors = KubernetesApiSchema.load().validate(YAML.readTree(renderedTemplate));
 * }</pre>
 *
 * <p>In this module's test-jar, so that the samples validate their own charts with it.
 */
public final class KubernetesApiSchema {

    static final String RESOURCE = "/openshift-generated.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KubernetesApiSchema instance;

    private final ObjectNode definitions;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private KubernetesApiSchema(ObjectNode definitions) {
        this.definitions = definitions;
    }

    /** The schema from the test class path, read once per JVM (6 MB). */
    public static synchronized KubernetesApiSchema load() {
        if (instance == null) {
            try (InputStream in = Objects.requireNonNull(KubernetesApiSchema.class.getResourceAsStream(RESOURCE),
                    RESOURCE + " (io.fabric8:kubernetes-model-validator) is not on the test class path")) {
                ObjectNode definitions = (ObjectNode) JSON.readTree(in).get("definitions");
                definitions.fields().forEachRemaining(e -> closeObjects(e.getValue()));
                acceptNumbers(definitions, "io.k8s.apimachinery.pkg.util.intstr.IntOrString", "integer");
                acceptNumbers(definitions, "io.k8s.apimachinery.pkg.api.resource.Quantity", "number");
                instance = new KubernetesApiSchema(definitions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * The definition name of {@code apiVersion}/{@code kind}, as the API server's OpenAPI names it:
     * {@code v1 Service} → {@code io.k8s.api.core.v1.Service}, {@code networking.k8s.io/v1 Ingress} →
     * {@code io.k8s.api.networking.v1.Ingress}.
     */
    static String definitionName(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash).replaceFirst("\\.k8s\\.io$", "");
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return "io.k8s.api." + group + "." + version + "." + kind;
    }

    /**
     * The errors of {@code object} against the schema of its {@code apiVersion} and {@code kind},
     * each as {@code <path>: <what is wrong>}; empty when it is valid.
     */
    public synchronized List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String name = definitionName(apiVersion, kind);
        if (apiVersion.isEmpty() || kind.isEmpty() || !definitions.has(name)) {
            return List.of("$: no Kubernetes API schema for apiVersion '" + apiVersion + "', kind '" + kind
                    + "' (looked for " + name + ")");
        }
        JsonSchema schema = schemas.computeIfAbsent(name, n -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/definitions/" + n);
            root.set("definitions", definitions);
            return factory.getSchema(root);
        });
        return schema.validate(object).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /** {@code additionalProperties: false} where a schema lists {@code properties} and allows no others. */
    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.set("additionalProperties", BooleanNode.FALSE);
        }
        object.path("properties").elements().forEachRemaining(KubernetesApiSchema::closeObjects);
        closeObjects(object.get("items"));
        closeObjects(object.get("additionalProperties"));
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combination).elements().forEachRemaining(KubernetesApiSchema::closeObjects);
        }
    }

    /** The spec types these as strings of a special format; the API server also takes numbers. */
    private static void acceptNumbers(ObjectNode definitions, String name, String numberType) {
        ObjectNode definition = (ObjectNode) definitions.get(name);
        definition.remove("format");
        definition.set("type", JSON.createArrayNode().add("string").add(numberType));
    }
}
