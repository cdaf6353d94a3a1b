package dev.apphost.publish;

import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The resources a manifest's values point at, in first-reference order, as Aspire's manifest
 * publisher tracks them to write resources that are referenced but were never added to the model
 * (generated passwords such as {@code cache-password}). Also records which parameters are used
 * URI-encoded, which gives them an {@code annotated.string} entry ({@code <param>-uri-encoded}).
 */
final class References implements ValueExpressionVisitor<Void> {

    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> uriEncoded = new LinkedHashSet<>();

    void collect(ValueExpression expression) {
        expression.accept(this);
    }

    /** Names of referenced resources, first reference first. */
    Set<String> referenced() {
        return referenced;
    }

    /** Whether some value uses {@code parameter} URI-encoded. */
    boolean isUriEncoded(String parameter) {
        return uriEncoded.contains(parameter);
    }

    @Override
    public Void literal(ValueExpression.Literal literal) {
        return null;
    }

    @Override
    public Void parameter(ValueExpression.ParameterValue parameter) {
        referenced.add(parameter.parameter());
        return null;
    }

    @Override
    public Void uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
        referenced.add(parameter.parameter());
        uriEncoded.add(parameter.parameter());
        return null;
    }

    @Override
    public Void connectionString(ValueExpression.ConnectionStringOf connectionString) {
        referenced.add(connectionString.resource());
        return null;
    }

    @Override
    public Void endpoint(ValueExpression.EndpointProperty endpoint) {
        referenced.add(endpoint.resource());
        return null;
    }

    @Override
    public Void concat(ValueExpression.Concat concat) {
        concat.parts().forEach(p -> p.accept(this));
        return null;
    }
}
