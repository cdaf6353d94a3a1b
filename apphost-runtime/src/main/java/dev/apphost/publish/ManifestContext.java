package dev.apphost.publish;

import dev.apphost.model.AppModel;
import dev.apphost.model.ValueExpression;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.ManifestExpressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the resource writers share while one manifest is written: the JSON being written, the
 * manifest's folder (paths are written relative to it), the environment planner, the port counter
 * and the references seen so far.
 */
final class ManifestContext {

    private final AppModel model;
    private final JsonWriter json;
    private final Path manifestDirectory;
    private final EnvironmentPlanner planner;
    private final PortAllocator ports = new PortAllocator();
    private final References references = new References();

    ManifestContext(AppModel model, JsonWriter json, Path manifestDirectory, EnvironmentPlanner planner) {
        this.model = model;
        this.json = json;
        this.manifestDirectory = manifestDirectory.toAbsolutePath().normalize();
        this.planner = planner;
    }

    AppModel model() {
        return model;
    }

    JsonWriter json() {
        return json;
    }

    EnvironmentPlanner planner() {
        return planner;
    }

    PortAllocator ports() {
        return ports;
    }

    References references() {
        return references;
    }

    /** The placeholder text of {@code value}; what it references is remembered. */
    String value(ValueExpression value) {
        references.collect(value);
        return ManifestExpressions.render(value);
    }

    /** {@code "name": "<placeholder>"}. */
    void valueProperty(String name, ValueExpression value) {
        json.property(name, value(value));
    }

    /** {@code "env": {...}}, left out when empty. */
    void writeEnvironment(Map<String, ValueExpression> environment) {
        if (environment.isEmpty()) {
            return;
        }
        json.beginObject("env");
        environment.forEach(this::valueProperty);
        json.endObject();
    }

    /** {@code "args": [...]}, left out when empty. */
    void writeArgs(List<ValueExpression> args) {
        if (args.isEmpty()) {
            return;
        }
        json.beginArray("args");
        args.forEach(a -> json.value(value(a)));
        json.endArray();
    }

    /**
     * {@code path} relative to the manifest's folder with {@code /} separators, as .NET's
     * {@code Path.GetRelativePath} gives it ({@code .} for the folder itself; a path on another
     * root stays absolute).
     */
    String relativePath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String text;
        if (absolute.getRoot() != null && !absolute.getRoot().equals(manifestDirectory.getRoot())) {
            text = absolute.toString();
        } else {
            Path relative = manifestDirectory.relativize(absolute);
            text = relative.toString().isEmpty() ? "." : relative.toString();
        }
        return text.replace('\\', '/');
    }
}
