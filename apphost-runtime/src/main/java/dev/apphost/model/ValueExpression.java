package dev.apphost.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deferred value: what an environment variable, argument or connection string will hold once the
 * app runs. Run mode resolves it to a real string (allocated ports, parameter values); publish mode
 * writes it as an Aspire manifest placeholder such as {@code {cache.connectionString}}. Both go
 * through {@link ValueExpressionVisitor}, so there is one description of every value and two
 * renderings of it.
 */
public sealed interface ValueExpression {

    <T> T accept(ValueExpressionVisitor<T> visitor);

    /** A plain string. */
    static ValueExpression literal(String value) {
        return new Literal(value);
    }

    /** The parts, in order, joined without separators; nested concatenations are flattened. */
    static ValueExpression concat(ValueExpression... parts) {
        List<ValueExpression> flat = new ArrayList<>();
        for (ValueExpression part : parts) {
            if (part instanceof Concat c) {
                flat.addAll(c.parts());
            } else {
                flat.add(part);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Concat(flat);
    }

    record Literal(String value) implements ValueExpression {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.literal(this);
        }
    }

    /** A parameter's value: {@code {name.value}} in a manifest. */
    record ParameterValue(String parameter) implements ValueExpression {
        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.parameter(this);
        }
    }

    /**
     * A parameter's value, percent-encoded for use inside a URI (Aspire 13's {@code annotated.string}
     * with filter {@code uri}, named {@code <parameter>-uri-encoded}).
     */
    record UriEncodedParameterValue(String parameter) implements ValueExpression {
        public String encodedResourceName() {
            return parameter + "-uri-encoded";
        }

        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.uriEncodedParameter(this);
        }
    }

    /** Another resource's connection string: {@code {name.connectionString}}. */
    record ConnectionStringOf(String resource) implements ValueExpression {
        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.connectionString(this);
        }
    }

    /** A property of an endpoint: {@code {name.bindings.endpoint.url}} and friends. */
    record EndpointProperty(String resource, String endpoint, Property property) implements ValueExpression {
        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.endpoint(this);
        }
    }

    /** What an {@link EndpointProperty} reads; the names are those of Aspire's placeholders. */
    enum Property {
        URL("url"),
        HOST("host"),
        PORT("port"),
        TARGET_PORT("targetPort"),
        SCHEME("scheme");

        private final String placeholderName;

        Property(String placeholderName) {
            this.placeholderName = placeholderName;
        }

        public String placeholderName() {
            return placeholderName;
        }
    }

    /** Several parts written one after the other, like a .NET interpolated reference expression. */
    record Concat(List<ValueExpression> parts) implements ValueExpression {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public <T> T accept(ValueExpressionVisitor<T> visitor) {
            return visitor.concat(this);
        }
    }
}
