package dev.apphost.model;

/**
 * A connection string made of other values ({@code value.v0} in a manifest), e.g.
 * {@code addConnectionString("cs", ReferenceExpression.of("sql=", endpoint))}.
 */
public record ConnectionStringResource(String name, ValueExpression connectionString, boolean excludedFromManifest)
        implements Resource {
}
