package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared by the manifest tests: finds {@code ../shared/aspire} next to the repository (tests that
 * need it skip when it is absent), validates every manifest against Aspire's JSON schemas, and
 * turns Jackson trees back into text with our {@link JsonWriter}.
 */
final class ManifestTestSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Path, JsonSchema> SCHEMAS = new LinkedHashMap<>();

    private ManifestTestSupport() {
    }

    /** The repository root: the nearest folder upwards that holds {@code mvnw}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No mvnw found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** {@code ../shared/aspire}, relative to the repository root, or {@code null}. */
    static Path sharedAspireOrNull() {
        Path aspire = repositoryRoot().resolveSibling("shared").resolve("aspire");
        return Files.isDirectory(aspire) ? aspire : null;
    }

    /** {@code ../shared/aspire}; skips the calling test when it is not there. */
    static Path sharedAspire() {
        Path aspire = sharedAspireOrNull();
        Assumptions.assumeTrue(aspire != null, "../shared/aspire (Aspire's schema and example manifests) is not "
                + "next to the repository at " + repositoryRoot().resolveSibling("shared"));
        return aspire;
    }

    /** An example file from {@code ../shared/aspire/examples}; skips when absent. */
    static String example(String fileName) {
        return read(sharedAspire().resolve("examples").resolve(fileName));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single-resource fragments end with a newline (test literals); full manifests do not. */
    static String withoutTrailingNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Validates {@code manifest} against {@code ../shared/aspire/aspire-8.0.json} (main) and
     * {@code versions/v13.1.3/aspire-8.0.json}. When {@code ../shared} is absent there is no schema:
     * the manifest is then only checked to be JSON.
     */
    static JsonNode assertValidManifest(String manifest) {
        JsonNode node = parse(manifest);
        Path aspire = sharedAspireOrNull();
        if (aspire == null) {
            return node;
        }
        for (Path schemaFile : List.of(aspire.resolve("aspire-8.0.json"),
                aspire.resolve("versions/v13.1.3/aspire-8.0.json"))) {
            Set<ValidationMessage> errors = schema(schemaFile).validate(node);
            assertThat(errors).as("schema %s errors for manifest:%n%s", schemaFile, manifest).isEmpty();
        }
        return node;
    }

    private static synchronized JsonSchema schema(Path file) {
        return SCHEMAS.computeIfAbsent(file, f -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(parse(read(f))));
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code node} written by our writer (so the result uses .NET's layout and escaping). */
    static String render(JsonNode node) {
        JsonWriter json = new JsonWriter();
        writeValue(json, null, node);
        return json.toString();
    }

    /** The object of resource {@code name} in a full manifest's tree. */
    static ObjectNode resource(JsonNode manifest, String name) {
        JsonNode node = manifest.path("resources").path(name);
        assertThat(node.isObject()).as("resource '%s' in manifest", name).isTrue();
        return (ObjectNode) node;
    }

    private static void writeValue(JsonWriter json, String name, JsonNode node) {
        if (node.isObject()) {
            if (name == null) {
                json.beginObject();
            } else {
                json.beginObject(name);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                writeValue(json, field.getKey(), field.getValue());
            }
            json.endObject();
        } else if (node.isArray()) {
            if (name == null) {
                json.beginArray();
            } else {
                json.beginArray(name);
            }
            node.forEach(item -> writeValue(json, null, item));
            json.endArray();
        } else if (node.isTextual()) {
            if (name == null) {
                json.value(node.textValue());
            } else {
                json.property(name, node.textValue());
            }
        } else if (node.isIntegralNumber()) {
            if (name == null) {
                json.value(node.longValue());
            } else {
                json.property(name, node.longValue());
            }
        } else if (node.isBoolean()) {
            if (name == null) {
                json.value(node.booleanValue());
            } else {
                json.property(name, node.booleanValue());
            }
        } else if (node.isNull()) {
            if (name == null) {
                json.nullValue();
            } else {
                json.nullProperty(name);
            }
        } else {
            throw new IllegalArgumentException("Unsupported JSON value " + node);
        }
    }
}
