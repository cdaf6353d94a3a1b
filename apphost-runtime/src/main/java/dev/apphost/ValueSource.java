package dev.apphost;

import dev.apphost.model.ValueExpression;

/**
 * Something whose value is known only when the app runs or is published: a parameter, an endpoint,
 * a connection string. {@code withEnvironment(name, source)} and {@code withArgs(source...)} take it.
 */
public interface ValueSource {

    /** The deferred value. */
    ValueExpression valueExpression();
}
