package dev.apphost.model;

/** Renders a {@link ValueExpression}: one implementation per mode (run, publish). */
public interface ValueExpressionVisitor<T> {

    T literal(ValueExpression.Literal literal);

    T parameter(ValueExpression.ParameterValue parameter);

    T uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter);

    T connectionString(ValueExpression.ConnectionStringOf connectionString);

    T endpoint(ValueExpression.EndpointProperty endpoint);

    T concat(ValueExpression.Concat concat);
}
