package dev.apphost.model;

import dev.apphost.EnvironmentCallbackContext;
import java.util.function.Consumer;

/**
 * One contribution to a resource's environment, kept in the order the AppHost code made it, as
 * Aspire keeps its environment annotations: the variables a process receives and the {@code env}
 * block of the manifest are both computed by walking these entries in order.
 */
public sealed interface EnvironmentEntry {

    /** {@code withEnvironment(name, value)}. */
    record Variable(String name, ValueExpression value) implements EnvironmentEntry {
    }

    /**
     * {@code withReference(...)}: the variables that tell the consumer where {@code resource} is.
     *
     * @param endpoint one endpoint only ({@code withReference(EndpointReference)}), or {@code null} for all
     */
    record Reference(String resource, String endpoint) implements EnvironmentEntry {
    }

    /** {@code withEnvironment(context -> ...)}: code that runs when the environment is computed. */
    record Callback(Consumer<EnvironmentCallbackContext> callback) implements EnvironmentEntry {
    }
}
