package dev.apphost.plan;

import dev.apphost.DistributedApplicationException;
import dev.apphost.EnvironmentCallbackContext;
import dev.apphost.ExecutionContext;
import dev.apphost.ValueSource;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes a resource's environment as deferred values, walking its environment entries in the
 * order the AppHost made them. The same result feeds run mode (resolved to real strings) and the
 * manifest (written as placeholders), so the two can never disagree.
 *
 * <p>A reference to a resource with a connection string gives {@code ConnectionStrings__<name>} and
 * Aspire 13's connection properties ({@code <NAME>_HOST}, {@code <NAME>_PORT}, …); a reference to a
 * resource with endpoints gives, for each endpoint, Aspire 13's {@code <NAME>_<ENDPOINT>} and then
 * {@code services__<name>__<endpoint>__0}, all holding the endpoint's URL.
 */
public final class EnvironmentPlanner {

    private final AppModel model;
    private final ExecutionContext executionContext;

    public EnvironmentPlanner(AppModel model, ExecutionContext executionContext) {
        this.model = model;
        this.executionContext = executionContext;
    }

    /** The environment of {@code resource}, in order. */
    public Map<String, ValueExpression> environment(ComputeResource resource) {
        Map<String, ValueExpression> env = new LinkedHashMap<>();
        for (EnvironmentEntry entry : resource.settings().environment()) {
            if (entry instanceof EnvironmentEntry.Variable v) {
                env.put(v.name(), v.value());
            } else if (entry instanceof EnvironmentEntry.Reference r) {
                addReference(env, r);
            } else if (entry instanceof EnvironmentEntry.Callback c) {
                runCallback(env, c);
            }
        }
        return env;
    }

    /** Aspire 13.1's encoding of names in variables: {@code [^A-Za-z0-9_]} → {@code _}, a leading digit gets {@code _}. */
    public static String encodeVariableName(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            sb.append(ok ? c : '_');
        }
        if (sb.length() > 0 && Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private void addReference(Map<String, ValueExpression> env, EnvironmentEntry.Reference reference) {
        Resource target = model.find(reference.resource()).orElseThrow(() -> new DistributedApplicationException(
                "A reference names resource '" + reference.resource() + "', which is not part of this app."));
        String prefix = encodeVariableName(target.name()).toUpperCase(Locale.ROOT);
        if (reference.endpoint() == null && target.connectionString() != null) {
            env.put("ConnectionStrings__" + target.name(), new ValueExpression.ConnectionStringOf(target.name()));
            target.connectionProperties().forEach((property, value) ->
                    env.put(prefix + "_" + property.toUpperCase(Locale.ROOT), value));
            return;
        }
        if (!(target instanceof ComputeResource compute)) {
            throw new DistributedApplicationException("The resource '" + target.name() + "' can't be used with "
                    + "withReference because it doesn't provide a connection string, service discovery, or a custom "
                    + "withReference implementation.");
        }
        List<Endpoint> endpoints = compute.endpoints().stream()
                .filter(e -> reference.endpoint() == null || e.name().equals(reference.endpoint()))
                .toList();
        if (reference.endpoint() != null && endpoints.isEmpty()) {
            throw new DistributedApplicationException("Resource '" + target.name() + "' has no endpoint named '"
                    + reference.endpoint() + "'.");
        }
        for (Endpoint endpoint : endpoints) {
            env.put(prefix + "_" + encodeVariableName(endpoint.name()).toUpperCase(Locale.ROOT), url(target, endpoint));
        }
        for (Endpoint endpoint : endpoints) {
            env.put("services__" + target.name() + "__" + endpoint.name() + "__0", url(target, endpoint));
        }
    }

    private static ValueExpression url(Resource target, Endpoint endpoint) {
        return new EndpointProperty(target.name(), endpoint.name(), Property.URL);
    }

    private void runCallback(Map<String, ValueExpression> env, EnvironmentEntry.Callback callback) {
        Map<String, Object> view = new LinkedHashMap<>(env);
        callback.callback().accept(new EnvironmentCallbackContext(view, executionContext));
        env.clear();
        view.forEach((name, value) -> env.put(name, toExpression(name, value)));
    }

    private static ValueExpression toExpression(String name, Object value) {
        if (value instanceof ValueExpression expression) {
            return expression;
        }
        if (value instanceof ValueSource source) {
            return source.valueExpression();
        }
        if (value == null) {
            throw new DistributedApplicationException("Environment variable '" + name + "' was set to null by a "
                    + "withEnvironment callback; remove it from the map instead.");
        }
        return ValueExpression.literal(value.toString());
    }
}
