package dev.apphost;

import java.util.Map;

/**
 * What a {@code withEnvironment(context -> ...)} callback sees: the environment computed so far, to
 * read and change, and the execution context. Values put in the map may be strings or any
 * {@link ValueSource} (a parameter, an endpoint, a connection-string resource, a
 * {@link ReferenceExpression}); they are resolved like every other value.
 *
 * <pre>{@code
 * builder.addContainer("queue", "rabbitmq", "3")
 *        .withEnvironment(context -> {
 *            if (context.executionContext().isRunMode()) {
 *                context.environmentVariables().put("RABBITMQ_NODENAME", "queue@localhost");
 *            }
 *        });
 * }</pre>
 */
public final class EnvironmentCallbackContext {

    private final Map<String, Object> environmentVariables;
    private final ExecutionContext executionContext;

    public EnvironmentCallbackContext(Map<String, Object> environmentVariables, ExecutionContext executionContext) {
        this.environmentVariables = environmentVariables;
        this.executionContext = executionContext;
    }

    /** The variables computed so far, in order; a mutable map. */
    public Map<String, Object> environmentVariables() {
        return environmentVariables;
    }

    public ExecutionContext executionContext() {
        return executionContext;
    }
}
