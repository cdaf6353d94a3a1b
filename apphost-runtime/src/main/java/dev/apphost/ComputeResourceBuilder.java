package dev.apphost;

import dev.apphost.model.ComputeSettings;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.HealthCheck;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The configuration shared by projects, executables and containers: references, environment,
 * arguments, endpoints, waits and health checks.
 *
 * <pre>{@code
 * var cache = builder.addRedis("cache");
 * var api = builder.addProject(Projects.ApiService.class, "apiservice");
 * builder.addProject(Projects.WebFrontend.class, "webfrontend")
 *        .withExternalHttpEndpoints()
 *        .withReference(cache).waitFor(cache)       // ConnectionStrings__cache=localhost:62354,password=...
 *        .withReference(api)                         // services__apiservice__http__0=http://localhost:5455
 *        .withEnvironment("GREETING", "hello")
 *        .withHttpHealthCheck("/health");
 * }</pre>
 *
 * @param <B> the concrete builder type
 */
public abstract class ComputeResourceBuilder<B extends ComputeResourceBuilder<B>> extends ResourceBuilder<B> {

    static final String DUPLICATE_ENDPOINT = "Endpoint with name '%s' already exists. Endpoint name may not have been "
            + "explicitly specified and was derived automatically from scheme argument (e.g. 'http', 'https', or 'tcp'). "
            + "Multiple calls to WithEndpoint (and related methods) may result in a conflict if name argument is not "
            + "specified. Each endpoint must have a unique name. For more information on networking in Aspire see: "
            + "https://aka.ms/dotnet/aspire/networking";

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<EnvironmentEntry> environment = new ArrayList<>();
    private final List<ValueExpression> args = new ArrayList<>();
    private final List<String> waitFor = new ArrayList<>();
    private HealthCheck healthCheck;

    ComputeResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name) {
        super(applicationBuilder, name);
    }

    /**
     * Tells this resource where {@code source} is: {@code ConnectionStrings__<name>} (plus Aspire 13's
     * {@code <NAME>_HOST}, {@code _PORT}, … connection properties) for a resource with a connection
     * string; {@code services__<name>__<endpoint>__0} and {@code <NAME>_<ENDPOINT>} for each endpoint of a
     * project, executable or container otherwise.
     */
    public B withReference(ResourceBuilder<?> source) {
        Objects.requireNonNull(source, "source");
        Resource target = source.resource();
        boolean offersEndpoints = source instanceof ProjectResourceBuilder
                || source instanceof ExecutableResourceBuilder
                || (source instanceof ComputeResourceBuilder<?> c && !c.endpoints.isEmpty());
        if (target.connectionString() == null && !offersEndpoints) {
            throw new DistributedApplicationException("The resource '" + source.name() + "' can't be used with "
                    + "withReference because it doesn't provide a connection string, service discovery, or a custom "
                    + "withReference implementation.");
        }
        environment.add(new EnvironmentEntry.Reference(source.name(), null));
        return self();
    }

    /** {@code services__<resource>__<endpoint>__0} (and {@code <RESOURCE>_<ENDPOINT>}) for that endpoint only. */
    public B withReference(EndpointReference endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        environment.add(new EnvironmentEntry.Reference(endpoint.resourceName(), endpoint.endpointName()));
        return self();
    }

    /** Sets an environment variable to a literal value. */
    public B withEnvironment(String name, String value) {
        environment.add(new EnvironmentEntry.Variable(requireName(name), ValueExpression.literal(Objects.requireNonNull(value, "value"))));
        return self();
    }

    /** Sets an environment variable to a parameter's value, an endpoint's URL or a connection string. */
    public B withEnvironment(String name, ValueSource value) {
        environment.add(new EnvironmentEntry.Variable(requireName(name), Objects.requireNonNull(value, "value").valueExpression()));
        return self();
    }

    /** Computes environment variables when the app runs or is published. */
    public B withEnvironment(Consumer<EnvironmentCallbackContext> callback) {
        environment.add(new EnvironmentEntry.Callback(Objects.requireNonNull(callback, "callback")));
        return self();
    }

    /** Appends command-line arguments. */
    public B withArgs(String... values) {
        Arrays.stream(values).map(v -> ValueExpression.literal(Objects.requireNonNull(v, "args"))).forEach(args::add);
        return self();
    }

    /** Appends command-line arguments whose values are deferred (endpoints, parameters, connection strings). */
    public B withArgs(ValueSource... values) {
        Arrays.stream(values).map(ValueSource::valueExpression).forEach(args::add);
        return self();
    }

    /** An {@code http} endpoint on an allocated port. */
    public B withHttpEndpoint() {
        return withEndpoint(null, null, "http", null, null);
    }

    /** An http endpoint; {@code null} port = allocate, {@code null} targetPort = same as port, {@code null} name = {@code http}. */
    public B withHttpEndpoint(Integer port, Integer targetPort, String name) {
        return withEndpoint(port, targetPort, "http", name, null);
    }

    /** As {@link #withHttpEndpoint(Integer, Integer, String)}; {@code env} receives the target port. */
    public B withHttpEndpoint(Integer port, Integer targetPort, String name, String env) {
        return withEndpoint(port, targetPort, "http", name, env);
    }

    public B withHttpsEndpoint() {
        return withEndpoint(null, null, "https", null, null);
    }

    public B withHttpsEndpoint(Integer port, Integer targetPort, String name) {
        return withEndpoint(port, targetPort, "https", name, null);
    }

    public B withHttpsEndpoint(Integer port, Integer targetPort, String name, String env) {
        return withEndpoint(port, targetPort, "https", name, env);
    }

    /**
     * An endpoint of any scheme. {@code name} defaults to the scheme; {@code env}, when given, is an
     * environment variable that receives the target port.
     */
    public B withEndpoint(Integer port, Integer targetPort, String scheme, String name, String env) {
        String effectiveScheme = scheme == null ? "tcp" : scheme;
        String endpointName = name == null ? effectiveScheme : name;
        ModelNames.validateEndpointName(endpointName);
        validatePort(port, "port");
        validatePort(targetPort, "targetPort");
        if (endpoints.containsKey(endpointName)) {
            throw new DistributedApplicationException(String.format(DUPLICATE_ENDPOINT, endpointName));
        }
        endpoints.put(endpointName, Endpoint.of(endpointName, effectiveScheme, port, targetPort, env));
        if (env != null) {
            environment.add(new EnvironmentEntry.Variable(requireName(env),
                    new EndpointProperty(name(), endpointName, Property.TARGET_PORT)));
        }
        return self();
    }

    /**
     * Changes an endpoint declared before (a project's default {@code http}, say):
     * {@code withEndpoint("http", e -> e.isProxied(true))} puts the AppHost's proxy in front of it, so its
     * host port stays open while the resource restarts.
     */
    public B withEndpoint(String endpointName, Consumer<EndpointSpec> change) {
        Objects.requireNonNull(change, "change");
        Endpoint current = endpoints.get(endpointName);
        if (current == null) {
            getEndpoint(endpointName); // throws, naming the endpoints there are
        }
        EndpointSpec spec = new EndpointSpec(current);
        change.accept(spec);
        validatePort(spec.port, "port");
        validatePort(spec.targetPort, "targetPort");
        endpoints.put(endpointName, new Endpoint(current.name(), current.scheme(), current.protocol(),
                current.transport(), spec.port, spec.targetPort, spec.external, current.env(), spec.proxied));
        return self();
    }

    /** Sets whether the AppHost's proxy fronts {@code endpointName} (see {@link #withEndpoint(String, Consumer)}). */
    B withEndpointProxied(String endpointName, boolean proxied) {
        getEndpoint(endpointName);
        endpoints.computeIfPresent(endpointName, (k, e) -> e.withProxied(proxied));
        return self();
    }

    /** Marks the http and https endpoints as reachable from outside the app (manifest {@code external: true}). */
    public B withExternalHttpEndpoints() {
        endpoints.replaceAll((k, e) -> e.isHttp() ? e.withExternal(true) : e);
        return self();
    }

    /** The endpoint called {@code name}; it must have been declared already. */
    public EndpointReference getEndpoint(String name) {
        if (!endpoints.containsKey(name)) {
            throw new DistributedApplicationException("Resource '" + name() + "' has no endpoint named '" + name
                    + "'. Its endpoints are: " + (endpoints.isEmpty() ? "(none)" : String.join(", ", endpoints.keySet()))
                    + ". Declare it first with withHttpEndpoint/withEndpoint(..., \"" + name + "\", ...).");
        }
        return new EndpointReference(name(), name);
    }

    /** Starts this resource only after {@code dependency} is running and healthy. */
    public B waitFor(ResourceBuilder<?> dependency) {
        Objects.requireNonNull(dependency, "dependency");
        applicationBuilder().recordWait(this, dependency);
        waitFor.add(dependency.name());
        return self();
    }

    /** Healthy = HTTP 2xx/3xx from {@code path} on the first http(s) endpoint. */
    public B withHttpHealthCheck(String path) {
        Objects.requireNonNull(path, "path");
        healthCheck = new HealthCheck.Http(path.startsWith("/") ? path : "/" + path, null);
        return self();
    }

    /** Replaces the health check: the orchestrator polls it once the resource runs. */
    B withHealthCheck(HealthCheck check) {
        healthCheck = check;
        return self();
    }

    /** Adds an environment entry for the model's own defaults (Redis's password, a project's port variables). */
    void addEnvironment(EnvironmentEntry entry) {
        environment.add(entry);
    }

    ComputeSettings settings() {
        return new ComputeSettings(List.copyOf(endpoints.values()), environment, args, waitFor, healthCheck,
                excludedFromManifest());
    }

    private static String requireName(String variable) {
        if (variable == null || variable.isEmpty()) {
            throw new IllegalArgumentException("An environment variable name must not be empty.");
        }
        return variable;
    }

    private void validatePort(Integer port, String what) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("Resource '" + name() + "': " + what + " " + port
                    + " is not a valid port; use 1-65535, or null to have one allocated.");
        }
    }
}
