package dev.apphost.model;

/**
 * A value from configuration: {@code Parameters:<name>}, or {@code ConnectionStrings:<name>} for a
 * connection-string parameter ({@code addConnectionString}).
 *
 * @param generate how to generate a default value when configuration has none, or {@code null}
 * @param hidden true for parameters the model made itself (e.g. {@code cache-password}): they are
 *     not in {@code builder.resources()} and the manifest lists them after the resources added
 * @param defaultValue the value used when configuration has none ({@code addParameter(name, value)}),
 *     or {@code null}
 * @param publishValueAsDefault whether the manifest carries {@code defaultValue} as the input's
 *     default ({@code "default": {"value": ...}})
 */
public record ParameterResource(
        String name,
        boolean secret,
        boolean isConnectionString,
        GeneratedDefault generate,
        boolean hidden,
        boolean excludedFromManifest,
        String defaultValue,
        boolean publishValueAsDefault) implements Resource {

    /** A parameter without a constant default value. */
    public ParameterResource(String name, boolean secret, boolean isConnectionString, GeneratedDefault generate,
            boolean hidden, boolean excludedFromManifest) {
        this(name, secret, isConnectionString, generate, hidden, excludedFromManifest, null, false);
    }

    /** The configuration key the value is read from. */
    public String configurationKey() {
        return isConnectionString ? "ConnectionStrings:" + name : "Parameters:" + name;
    }

    @Override
    public ValueExpression connectionString() {
        return isConnectionString ? new ValueExpression.ParameterValue(name) : null;
    }
}
