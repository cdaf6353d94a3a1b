package dev.apphost.plan;

import dev.apphost.Configuration;
import dev.apphost.UserSecrets;
import dev.apphost.model.AppModel;
import dev.apphost.model.ParameterResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values for run mode, read once at start: configuration key {@code Parameters:<name>}
 * (retried with {@code -} replaced by {@code _}, as Aspire 13 does), {@code ConnectionStrings:<name>}
 * for connection-string parameters, else the AppHost's value ({@code addParameter(name, value)}), else
 * a generated default kept in {@link UserSecrets} so it is
 * the same on the next run. A parameter with none of these is "missing": asking for its value
 * throws {@link MissingValueException} with Aspire's message.
 */
public final class ParameterValues {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    public ParameterValues(AppModel model, Configuration configuration, UserSecrets secrets) {
        for (var resource : model.all()) {
            if (resource instanceof ParameterResource parameter) {
                resolve(parameter, configuration, secrets);
            }
        }
    }

    private void resolve(ParameterResource parameter, Configuration configuration, UserSecrets secrets) {
        String key = parameter.configurationKey();
        String value = configuration.get(key);
        if (value == null && !parameter.isConnectionString()) {
            value = configuration.get(key.replace('-', '_'));
        }
        if (value == null && parameter.defaultValue() != null) {
            value = parameter.defaultValue();
        }
        if (value == null && parameter.generate() != null) {
            value = PasswordGenerator.generate(parameter.generate());
            if (secrets != null) {
                secrets.put(key, value);
            }
        }
        if (value == null) {
            missing.put(parameter.name(), parameter.isConnectionString()
                    ? "Connection string parameter resource could not be used because connection string '"
                            + parameter.name() + "' is missing."
                    : "Parameter resource could not be used because configuration key '" + key
                            + "' is missing and the Parameter has no default value.");
        } else {
            values.put(parameter.name(), value);
        }
    }

    /** The value of parameter {@code name}; throws {@link MissingValueException} when it has none. */
    public String value(String name) {
        String value = values.get(name);
        if (value == null) {
            String message = missing.get(name);
            throw new MissingValueException(name, message != null ? message : "Unknown parameter '" + name + "'.");
        }
        return value;
    }

    public boolean isMissing(String name) {
        return missing.containsKey(name);
    }

    /** Missing parameters and why, by name. */
    public Map<String, String> missing() {
        return Map.copyOf(missing);
    }
}
