package dev.apphost.plan;

import dev.apphost.DistributedApplicationException;
import dev.apphost.model.AppModel;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves deferred values to real strings in run mode, for a consumer on a given {@link Network}:
 * a process gets {@code localhost:<host port>}, a container gets {@code <name>:<target port>} for
 * another container and {@code host.docker.internal:<port>} for a host process.
 *
 * <pre>{@code
 * RunValues values = new RunValues(model, parameters::value, endpoints::get);
 * String cs = values.resolve(new ValueExpression.ConnectionStringOf("cache"), Network.HOST);
 * }</pre>
 */
public final class RunValues {

    private final AppModel model;
    private final Function<String, String> parameterValues;
    private final EndpointLookup endpoints;

    /** The allocated endpoint of a resource, or {@code null} while it has none. */
    @FunctionalInterface
    public interface EndpointLookup {
        AllocatedEndpoint find(String resource, String endpoint);
    }

    /**
     * @param parameterValues the value of a parameter by name; throws {@link MissingValueException} when it has none
     */
    public RunValues(AppModel model, Function<String, String> parameterValues, EndpointLookup endpoints) {
        this.model = model;
        this.parameterValues = parameterValues;
        this.endpoints = endpoints;
    }

    /** The same values, with endpoints looked up in {@code other} (a replica's own target ports, say). */
    public RunValues withEndpoints(EndpointLookup other) {
        return new RunValues(model, parameterValues, other);
    }

    public String resolve(ValueExpression expression, Network network) {
        return expression.accept(new Resolver(network));
    }

    /** A whole environment, resolved. */
    public Map<String, String> resolveAll(Map<String, ValueExpression> environment, Network network) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        environment.forEach((k, v) -> result.put(k, resolve(v, network)));
        return result;
    }

    private final class Resolver implements ValueExpressionVisitor<String> {
        private final Network network;

        Resolver(Network network) {
            this.network = network;
        }

        @Override
        public String literal(ValueExpression.Literal literal) {
            return literal.value();
        }

        @Override
        public String parameter(ValueExpression.ParameterValue parameter) {
            return parameterValues.apply(parameter.parameter());
        }

        @Override
        public String uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
            return URLEncoder.encode(parameterValues.apply(parameter.parameter()), StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }

        @Override
        public String connectionString(ValueExpression.ConnectionStringOf connectionString) {
            Resource target = model.get(connectionString.resource());
            ValueExpression expression = target.connectionString();
            if (expression == null) {
                throw new DistributedApplicationException("Resource '" + target.name() + "' has no connection string.");
            }
            return expression.accept(this);
        }

        @Override
        public String endpoint(ValueExpression.EndpointProperty endpoint) {
            AllocatedEndpoint allocated = endpoints.find(endpoint.resource(), endpoint.endpoint());
            if (allocated == null) {
                throw new DistributedApplicationException("Endpoint '" + endpoint.endpoint() + "' of resource '"
                        + endpoint.resource() + "' has not been allocated.");
            }
            return switch (endpoint.property()) {
                case URL -> allocated.url(network);
                case HOST -> allocated.host(network);
                case PORT -> Integer.toString(allocated.port(network));
                case TARGET_PORT -> Integer.toString(allocated.targetPort());
                case SCHEME -> allocated.scheme();
            };
        }

        @Override
        public String concat(ValueExpression.Concat concat) {
            StringBuilder sb = new StringBuilder();
            concat.parts().forEach(p -> sb.append(p.accept(this)));
            return sb.toString();
        }
    }
}
