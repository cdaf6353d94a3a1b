package dev.apphost.model;

/**
 * A resource of the app model: immutable data, made by the builders of {@code dev.apphost} and read
 * by the planner, the executors and the publishers.
 */
public sealed interface Resource
        permits ComputeResource, ParameterResource, ConnectionStringResource {

    String name();

    boolean excludedFromManifest();

    /** The resource's connection string, or {@code null} when it has none. */
    default ValueExpression connectionString() {
        return null;
    }

    /**
     * The connection properties Aspire 13 injects next to a connection string
     * ({@code <NAME>_HOST}, {@code <NAME>_PORT}, …), in order; keys are the property names
     * ({@code Host}, {@code Port}, {@code Password}, {@code Uri}, …).
     */
    default java.util.Map<String, ValueExpression> connectionProperties() {
        return java.util.Map.of();
    }
}
