package dev.apphost.publish.deploy;

import dev.apphost.model.AppModel;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpressionVisitor;
import java.util.Set;

/** Collects the parameters a value uses, following connection strings to what they are made of. */
final class ParameterUses implements ValueExpressionVisitor<Void> {

    private final AppModel model;
    private final Set<String> names;

    ParameterUses(AppModel model, Set<String> names) {
        this.model = model;
        this.names = names;
    }

    @Override
    public Void literal(ValueExpression.Literal literal) {
        return null;
    }

    @Override
    public Void parameter(ValueExpression.ParameterValue parameter) {
        names.add(parameter.parameter());
        return null;
    }

    @Override
    public Void uriEncodedParameter(ValueExpression.UriEncodedParameterValue parameter) {
        names.add(parameter.parameter());
        return null;
    }

    @Override
    public Void connectionString(ValueExpression.ConnectionStringOf connectionString) {
        ValueExpression expression = model.get(connectionString.resource()).connectionString();
        if (expression != null) {
            expression.accept(this);
        }
        return null;
    }

    @Override
    public Void endpoint(ValueExpression.EndpointProperty endpoint) {
        return null;
    }

    @Override
    public Void concat(ValueExpression.Concat concat) {
        concat.parts().forEach(p -> p.accept(this));
        return null;
    }
}
