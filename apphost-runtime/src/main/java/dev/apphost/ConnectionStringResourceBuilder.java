package dev.apphost;

import dev.apphost.model.ConnectionStringResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;

/**
 * A connection string the app does not run itself: read from configuration key
 * {@code ConnectionStrings:<name>} ({@code addConnectionString(name)}), or composed from other values
 * ({@code addConnectionString(name, ReferenceExpression.of(...))}).
 *
 * <pre>{@code
 * var db = builder.addConnectionString("db");            // ConnectionStrings__db=... in the AppHost's env
 * builder.addProject(Projects.ApiService.class, "api").withReference(db);
 * }</pre>
 */
public final class ConnectionStringResourceBuilder extends ResourceBuilder<ConnectionStringResourceBuilder>
        implements ConnectionStringSource {

    private final ValueExpression expression;

    ConnectionStringResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name,
            ValueExpression expression) {
        super(applicationBuilder, name);
        this.expression = expression;
    }

    @Override
    public Resource resource() {
        if (expression == null) {
            return new ParameterResource(name(), true, true, null, false, excludedFromManifest());
        }
        return new ConnectionStringResource(name(), expression, excludedFromManifest());
    }

    @Override
    public ValueExpression valueExpression() {
        return new ValueExpression.ConnectionStringOf(name());
    }
}
