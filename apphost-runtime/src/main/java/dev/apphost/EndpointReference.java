package dev.apphost;

import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;

/**
 * One endpoint of a resource, from {@code getEndpoint(name)}. As a {@link ValueSource} it is the
 * endpoint's URL; {@link #property} reads its host, port, target port or scheme.
 *
 * <pre>{@code
 * var custom = builder.addContainer("myapp", "mycustomcontainer").withHttpEndpoint(9043, null, "endpoint");
 * builder.addProject(Projects.ApiService.class, "apiservice2").withReference(custom.getEndpoint("endpoint"));
 * }</pre>
 */
public final class EndpointReference implements ValueSource {

    private final String resourceName;
    private final String endpointName;

    EndpointReference(String resourceName, String endpointName) {
        this.resourceName = resourceName;
        this.endpointName = endpointName;
    }

    public String resourceName() {
        return resourceName;
    }

    public String endpointName() {
        return endpointName;
    }

    /** One property of the endpoint, as a deferred value. */
    public ValueSource property(Property property) {
        EndpointProperty expression = new EndpointProperty(resourceName, endpointName, property);
        return () -> expression;
    }

    @Override
    public ValueExpression valueExpression() {
        return new EndpointProperty(resourceName, endpointName, Property.URL);
    }

    @Override
    public String toString() {
        return resourceName + "/" + endpointName;
    }
}
