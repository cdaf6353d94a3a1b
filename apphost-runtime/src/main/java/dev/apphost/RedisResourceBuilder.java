package dev.apphost;

import dev.apphost.model.ContainerResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.HealthCheck;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.ParameterValue;
import dev.apphost.model.ValueExpression.Property;
import dev.apphost.model.ValueExpression.UriEncodedParameterValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redis in Aspire 13.1's shape: image {@code docker.io/library/redis:8.2}, a generated secret
 * password parameter {@code <name>-password} passed as {@code --requirepass}, a {@code tcp} endpoint
 * on 6379, a {@code PING} health check, and the connection string {@code host:port,password=...}.
 *
 * <pre>{@code
 * var cache = builder.addRedis("cache");
 * builder.addProject(Projects.WebFrontend.class, "webfrontend").withReference(cache).waitFor(cache);
 * // webfrontend gets ConnectionStrings__cache=localhost:62354,password=..., CACHE_HOST, CACHE_PORT,
 * // CACHE_PASSWORD and CACHE_URI
 * }</pre>
 */
public final class RedisResourceBuilder extends ContainerResourceBuilderBase<RedisResourceBuilder>
        implements ConnectionStringSource {

    public static final String IMAGE = "docker.io/library/redis";
    public static final String TAG = "8.2";
    public static final int PORT = 6379;
    static final String PASSWORD_VARIABLE = "REDIS_PASSWORD";

    private final String passwordParameter;

    RedisResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, Integer port,
            ParameterResourceBuilder password) {
        super(applicationBuilder, name, IMAGE, TAG);
        this.passwordParameter = password.name();
        withEntrypoint("/bin/sh");
        withArgs("-c", serverCommand(applicationBuilder.executionContext()));
        addEnvironment(new EnvironmentEntry.Variable(PASSWORD_VARIABLE, new ParameterValue(passwordParameter)));
        withEndpoint(port, PORT, "tcp", "tcp", null);
        withHealthCheck(new HealthCheck.RedisPing("tcp", passwordParameter));
    }

    /**
     * The shell command that starts the server. In run mode the password variable is quoted, so a
     * password with a space or a glob character ({@code *}) reaches Redis as one argument, unchanged.
     * The manifest keeps Aspire's exact text, which deployment tools expect.
     */
    static String serverCommand(ExecutionContext context) {
        String password = "$" + PASSWORD_VARIABLE;
        return "redis-server --requirepass " + (context.isPublishMode() ? password : "\"" + password + "\"");
    }

    /** The generated password parameter, {@code <name>-password}. */
    public String passwordParameterName() {
        return passwordParameter;
    }

    @Override
    public ContainerResource resource() {
        EndpointProperty host = new EndpointProperty(name(), "tcp", Property.HOST);
        EndpointProperty port = new EndpointProperty(name(), "tcp", Property.PORT);
        ParameterValue password = new ParameterValue(passwordParameter);
        ValueExpression connectionString = ValueExpression.concat(
                host, ValueExpression.literal(":"), port, ValueExpression.literal(",password="), password);
        Map<String, ValueExpression> properties = new LinkedHashMap<>();
        properties.put("Host", host);
        properties.put("Port", port);
        properties.put("Password", password);
        properties.put("Uri", ValueExpression.concat(ValueExpression.literal("redis://:"),
                new UriEncodedParameterValue(passwordParameter), ValueExpression.literal("@"), host,
                ValueExpression.literal(":"), port));
        return containerResource(connectionString, properties);
    }

    @Override
    public ValueExpression valueExpression() {
        return new ValueExpression.ConnectionStringOf(name());
    }
}
