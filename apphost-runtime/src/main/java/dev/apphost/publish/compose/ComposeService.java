package dev.apphost.publish.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service of the generated {@code docker-compose.yaml}, handed to
 * {@code publishAsDockerComposeService((resource, service) -> ...)} before it is written. Typed
 * accessors cover what is changed most; {@link #set(String, Object)} reaches any Compose key.
 *
 * <pre>{@code
 * builder.addProject(Projects.ApiService.class, "apiservice")
 *        .publishAsDockerComposeService((resource, service) -> {
 *            service.environment().put("JAVA_TOOL_OPTIONS", "-Xmx256m");
 *            service.set("restart", "always");
 *            service.labels().put("team", "weather");
 *        });
 * }</pre>
 *
 * Values are written as given: a literal {@code $} must be written {@code $$}, as Compose
 * interpolates {@code ${VAR}} from {@code .env}.
 */
public final class ComposeService {

    private final String name;
    private final Map<String, Object> fields;

    ComposeService(String name, Map<String, Object> fields) {
        this.name = name;
        this.fields = fields;
    }

    /** The service name: the resource's name. */
    public String name() {
        return name;
    }

    public String image() {
        return (String) fields.get("image");
    }

    public ComposeService image(String image) {
        fields.put("image", image);
        return this;
    }

    /** The {@code environment} map (name to value), created when absent. */
    public Map<String, String> environment() {
        return mapField("environment");
    }

    /** The {@code labels} map, created when absent. */
    public Map<String, String> labels() {
        return mapField("labels");
    }

    /** The {@code ports} list ({@code "8080"}, {@code "8000:8080"}), created when absent. */
    public List<String> ports() {
        return listField("ports");
    }

    /** The {@code command} list, created when absent. */
    public List<String> command() {
        return listField("command");
    }

    /** Sets any Compose key of the service ({@code restart}, {@code deploy}, {@code mem_limit}, …); {@code null} removes it. */
    public ComposeService set(String key, Object value) {
        if (value == null) {
            fields.remove(key);
        } else {
            fields.put(key, value);
        }
        return this;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    /** The whole service as written, in order; changes to it are written too. */
    public Map<String, Object> asMap() {
        return fields;
    }

    @SuppressWarnings("unchecked")
    private <V> Map<String, V> mapField(String key) {
        return (Map<String, V>) fields.computeIfAbsent(key, k -> new LinkedHashMap<String, V>());
    }

    @SuppressWarnings("unchecked")
    private List<String> listField(String key) {
        return (List<String>) fields.computeIfAbsent(key, k -> new ArrayList<String>());
    }
}
