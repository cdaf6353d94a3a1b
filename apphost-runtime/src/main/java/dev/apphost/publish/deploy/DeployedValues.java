package dev.apphost.publish.deploy;

import dev.apphost.DistributedApplicationException;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;
import java.util.function.UnaryOperator;

/**
 * Renders deferred values for a deployment target: another service is {@code <name>:<targetPort>}
 * (Compose service names and Kubernetes Service names are the resource names), a parameter is the
 * target's placeholder ({@code ${CACHE_PASSWORD}} for Compose, a Helm values reference for
 * Kubernetes), literals go through the target's escaping. The same visitor shape as run mode's
 * {@code RunValues} and the manifest's {@code ManifestExpressions}: one description of a value,
 * one rendering per target.
 *
 * <p>A URI-encoded parameter is written as the plain placeholder: the target substitutes it without
 * encoding, so such parameters (Redis's {@code <NAME>_URI}) must hold URL-safe values — generated
 * passwords do.
 */
public final class DeployedValues implements ValueExpressionVisitor<String> {

    private final DeploymentPlan plan;
    private final UnaryOperator<String> literals;
    private final UnaryOperator<String> parameters;

    /**
     * @param literals escapes literal text for the target (Compose: {@code $} → {@code $$})
     * @param parameters the placeholder of a parameter, by parameter name
     */
    public DeployedValues(DeploymentPlan plan, UnaryOperator<String> literals, UnaryOperator<String> parameters) {
        this.plan = plan;
        this.literals = literals;
        this.parameters = parameters;
    }

    public String render(ValueExpression expression) {
        return expression.accept(this);
    }

    @Override
    public String literal(ValueExpression.Literal literal) {
        return literals.apply(literal.value());
    }

    @Override
    public String parameter(ValueExpression.ParameterValue parameter) {
        return parameters.apply(parameter.parameter());
    }

    @Override
    public String uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
        return parameters.apply(parameter.parameter());
    }

    @Override
    public String connectionString(ValueExpression.ConnectionStringOf connectionString) {
        ValueExpression expression = plan.model().get(connectionString.resource()).connectionString();
        if (expression == null) {
            throw new DistributedApplicationException("Resource '" + connectionString.resource()
                    + "' has no connection string.");
        }
        return expression.accept(this);
    }

    @Override
    public String endpoint(ValueExpression.EndpointProperty endpoint) {
        ServiceEndpoint deployed = plan.endpoint(endpoint.resource(), endpoint.endpoint());
        String host = plan.model().get(endpoint.resource()).name();
        String port = Integer.toString(deployed.targetPort());
        return switch (endpoint.property()) {
            case URL -> deployed.endpoint().scheme() + "://" + host + ":" + port;
            case HOST -> host;
            case PORT, TARGET_PORT -> port;
            case SCHEME -> deployed.endpoint().scheme();
        };
    }

    @Override
    public String concat(ValueExpression.Concat concat) {
        StringBuilder sb = new StringBuilder();
        concat.parts().forEach(p -> sb.append(p.accept(this)));
        return sb.toString();
    }
}
