package dev.apphost;

import dev.apphost.model.GeneratedDefault;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ValueExpression;

/**
 * A value from configuration key {@code Parameters:<name>} (for example the environment variable
 * {@code Parameters__password}, {@code --Parameters:password=...}, or {@code apphost.properties}).
 * A parameter with no value shows "Value missing", and the resources that use it fail to start.
 *
 * <pre>{@code
 * var password = builder.addParameter("password", true);
 * builder.addContainer("queue", "rabbitmq", "3").withEnvironment("RABBITMQ_DEFAULT_PASS", password);
 * }</pre>
 */
public final class ParameterResourceBuilder extends ResourceBuilder<ParameterResourceBuilder> implements ValueSource {

    private final boolean secret;
    private final GeneratedDefault generate;
    private final boolean hidden;
    private final String defaultValue;
    private final boolean publishValueAsDefault;

    ParameterResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, boolean secret,
            GeneratedDefault generate, boolean hidden) {
        this(applicationBuilder, name, secret, generate, hidden, null, false);
    }

    ParameterResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, boolean secret,
            GeneratedDefault generate, boolean hidden, String defaultValue, boolean publishValueAsDefault) {
        super(applicationBuilder, name);
        this.secret = secret;
        this.generate = generate;
        this.hidden = hidden;
        this.defaultValue = defaultValue;
        this.publishValueAsDefault = publishValueAsDefault;
    }

    @Override
    public ParameterResource resource() {
        return new ParameterResource(name(), secret, false, generate, hidden, excludedFromManifest(), defaultValue,
                publishValueAsDefault);
    }

    @Override
    public ValueExpression valueExpression() {
        return new ValueExpression.ParameterValue(name());
    }
}
