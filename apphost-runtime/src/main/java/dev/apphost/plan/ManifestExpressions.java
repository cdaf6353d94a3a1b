package dev.apphost.plan;

import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;

/**
 * Writes deferred values as Aspire manifest placeholders: {@code {cache.connectionString}},
 * {@code {api.bindings.http.url}}, {@code {password.value}}, literals as themselves.
 */
public final class ManifestExpressions implements ValueExpressionVisitor<String> {

    public static final ManifestExpressions INSTANCE = new ManifestExpressions();

    private ManifestExpressions() {
    }

    public static String render(ValueExpression expression) {
        return expression.accept(INSTANCE);
    }

    @Override
    public String literal(ValueExpression.Literal literal) {
        return literal.value();
    }

    @Override
    public String parameter(ValueExpression.ParameterValue parameter) {
        return "{" + parameter.parameter() + ".value}";
    }

    @Override
    public String uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
        return "{" + parameter.encodedResourceName() + ".value}";
    }

    @Override
    public String connectionString(ValueExpression.ConnectionStringOf connectionString) {
        return "{" + connectionString.resource() + ".connectionString}";
    }

    @Override
    public String endpoint(ValueExpression.EndpointProperty endpoint) {
        return "{" + endpoint.resource() + ".bindings." + endpoint.endpoint() + "."
                + endpoint.property().placeholderName() + "}";
    }

    @Override
    public String concat(ValueExpression.Concat concat) {
        StringBuilder sb = new StringBuilder();
        concat.parts().forEach(p -> sb.append(p.accept(this)));
        return sb.toString();
    }
}
