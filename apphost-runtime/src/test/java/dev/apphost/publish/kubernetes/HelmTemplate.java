package dev.apphost.publish.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code helm template} does with a chart the Kubernetes publisher wrote, without a helm
 * binary: its templates' only actions are {@code {{ .Values.<group>.<key> }}}, substituted from
 * {@code values.yaml}. Shared with the samples' tests through this module's test-jar, beside
 * {@link KubernetesApiSchema}.
 *
 * <pre>{@code
 * Map<String, JsonNode> objects = HelmTemplate.render(chartDirectory);   // "Deployment/cache" → object
 * objects.forEach((id, object) -> assertThat(KubernetesApiSchema.load().validate(object)).as(id).isEmpty());
 * }</pre>
 */
public final class HelmTemplate {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern VALUE_REFERENCE = Pattern.compile("\\{\\{ \\.Values\\.([a-z0-9_]+)\\.([a-z0-9_]+) }}");

    private HelmTemplate() {
    }

    /**
     * Every template of {@code chart} rendered from its {@code values.yaml} and parsed, by
     * {@code kind/name}, in the order of the template files' names.
     */
    public static Map<String, JsonNode> render(Path chart) throws IOException {
        JsonNode values = YAML.readTree(chart.resolve("values.yaml").toFile());
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        try (Stream<Path> templates = Files.list(chart.resolve("templates"))) {
            for (Path template : templates.sorted().toList()) {
                JsonNode object = YAML.readTree(render(Files.readString(template), values));
                objects.put(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText(), object);
            }
        }
        return objects;
    }

    /**
     * {@code template} with every value reference substituted; an {@link AssertionError} for a
     * reference {@code values} lacks or a template action this rendering does not know.
     */
    public static String render(String template, JsonNode values) {
        Matcher m = VALUE_REFERENCE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode value = values.path(m.group(1)).path(m.group(2));
            if (value.isMissingNode()) {
                throw new AssertionError("values." + m.group(1) + "." + m.group(2) + " is not in values.yaml");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value.asText()));
        }
        m.appendTail(sb);
        String rendered = sb.toString();
        int action = rendered.indexOf("{{");
        if (action >= 0) {
            throw new AssertionError("a template action other than {{ .Values.<group>.<key> }}: "
                    + rendered.substring(action, Math.min(rendered.length(), action + 60)));
        }
        return rendered;
    }
}
