package dev.apphost;

import dev.apphost.model.ComputeSettings;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ResourceCommandSpec;
import dev.apphost.model.ResourceWait;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

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
    private final List<ResourceWait> waits = new ArrayList<>();
    private final List<dev.apphost.model.HealthCheck> healthChecks = new ArrayList<>();
    private final List<ResourceCommandSpec> commands = new ArrayList<>();
    private boolean explicitStart;

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
        required(source, "source");
        requireSameApplication(source, "reference");
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
        required(endpoint, "endpoint");
        environment.add(new EnvironmentEntry.Reference(endpoint.resourceName(), endpoint.endpointName()));
        return self();
    }

    /** Sets an environment variable to a literal value. */
    public B withEnvironment(String name, String value) {
        environment.add(new EnvironmentEntry.Variable(requireName(name), ValueExpression.literal(required(value, "value"))));
        return self();
    }

    /** Sets an environment variable to a parameter's value, an endpoint's URL or a connection string. */
    public B withEnvironment(String name, ValueSource value) {
        environment.add(new EnvironmentEntry.Variable(requireName(name), required(value, "value").valueExpression()));
        return self();
    }

    /** Computes environment variables when the app runs or is published. */
    public B withEnvironment(Consumer<EnvironmentCallbackContext> callback) {
        environment.add(new EnvironmentEntry.Callback(required(callback, "callback")));
        return self();
    }

    /** Appends command-line arguments. */
    public B withArgs(String... values) {
        List<ValueExpression> added = new ArrayList<>();
        for (String value : required(values, "values")) {
            added.add(ValueExpression.literal(required(value, "values[" + added.size() + "]")));
        }
        args.addAll(added);
        return self();
    }

    /** Appends command-line arguments whose values are deferred (endpoints, parameters, connection strings). */
    public B withArgs(ValueSource... values) {
        List<ValueExpression> added = new ArrayList<>();
        for (ValueSource value : required(values, "values")) {
            added.add(required(value, "values[" + added.size() + "]").valueExpression());
        }
        args.addAll(added);
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
        validPort(name(), port, "port");
        validPort(name(), targetPort, "targetPort");
        Endpoint added = Endpoint.of(endpointName, effectiveScheme, port, targetPort, env);
        Endpoint existing = endpoints.get(endpointName);
        if (existing != null) {
            throw new DistributedApplicationException(String.format(DUPLICATE_ENDPOINT, endpointName)
                    + " Resource '" + name() + "' already has the " + existing.describe() + "; this call adds the "
                    + added.describe() + ". To change the existing one, use withEndpoint(\"" + endpointName
                    + "\", e -> e.port(...)); to add a second one, give it another name.");
        }
        endpoints.put(endpointName, added);
        if (env != null) {
            environment.add(new EnvironmentEntry.Variable(requireName(env),
                    new EndpointProperty(name(), endpointName, Property.TARGET_PORT)));
        }
        return self();
    }

    /**
     * Changes the endpoint called {@code endpointName}, declared earlier (for a project: its default
     * {@code http} endpoint), e.g. fixing its port:
     *
     * <pre>{@code
     * builder.addProject(Projects.ApiService.class, "apiservice").withEndpoint("http", e -> e.port(8080));
     * }</pre>
     *
     * @throws DistributedApplicationException when the resource has no such endpoint (naming the ones it has)
     */
    public B withEndpoint(String endpointName, Consumer<EndpointSpec> change) {
        required(change, "change");
        getEndpoint(endpointName);
        Endpoint endpoint = endpoints.get(endpointName);
        EndpointSpec spec = new EndpointSpec(name(), endpoint);
        change.accept(spec);
        endpoints.put(endpointName, spec.applyTo(endpoint));
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

    // ---- lifecycle: waits, explicit start, health checks, commands (see docs/lifecycle.md) ----

    /** Starts this resource only after {@code dependency} is running and healthy. */
    public B waitFor(ResourceBuilder<?> dependency) {
        return addWait(dependency, ResourceWait.Kind.READY, 0);
    }

    /** Starts this resource once {@code dependency} is running, healthy or not (Aspire's {@code WaitForStart}). */
    public B waitForStart(ResourceBuilder<?> dependency) {
        return addWait(dependency, ResourceWait.Kind.START, 0);
    }

    /**
     * Starts this resource once {@code dependency} has exited with code 0 (a migration, a seeding job);
     * any other exit fails this resource with Aspire's message.
     */
    public B waitForCompletion(ResourceBuilder<?> dependency) {
        return addWait(dependency, ResourceWait.Kind.COMPLETION, 0);
    }

    /** As {@link #waitForCompletion(ResourceBuilder)}, expecting {@code exitCode}. */
    public B waitForCompletion(ResourceBuilder<?> dependency, int exitCode) {
        return addWait(dependency, ResourceWait.Kind.COMPLETION, exitCode);
    }

    private B addWait(ResourceBuilder<?> dependency, ResourceWait.Kind kind, int exitCode) {
        required(dependency, "dependency");
        requireSameApplication(dependency, "wait for");
        applicationBuilder().recordWait(this, dependency);
        waits.add(new ResourceWait(dependency.name(), kind, exitCode));
        return self();
    }

    /**
     * Leaves this resource {@code NotStarted} until the {@code resource-start} command
     * ({@code app.resourceCommands().executeCommand(name, KnownResourceCommands.START)}); its
     * dependents keep {@code Waiting} meanwhile.
     */
    public B withExplicitStart() {
        explicitStart = true;
        return self();
    }

    /**
     * Drops every wait ({@code waitFor}, {@code waitForStart}, {@code waitForCompletion}) of this resource, so it starts without waiting (a test that does
     * not need the order, or replaces a dependency, calls it before {@code build()}).
     */
    public B clearWaitFor() {
        applicationBuilder().clearWaits(this);
        waits.clear();
        return self();
    }

    void forgetWaitFor(String dependency) {
        waits.removeIf(w -> w.resource().equalsIgnoreCase(dependency));
    }

    /** Healthy = HTTP 2xx/3xx from {@code path} on the first http(s) endpoint. */
    public B withHttpHealthCheck(String path) {
        return withHttpHealthCheck(path, null, null);
    }

    /**
     * Healthy = HTTP {@code statusCode} ({@code null}: any 2xx/3xx) from {@code path} on endpoint
     * {@code endpointName} ({@code null}: the first http(s) endpoint).
     */
    public B withHttpHealthCheck(String path, Integer statusCode, String endpointName) {
        required(path, "path");
        if (endpointName != null && !endpoints.containsKey(endpointName)) {
            throw new DistributedApplicationException("Resource '" + name() + "': withHttpHealthCheck names endpoint '"
                    + endpointName + "', which it does not have. Its endpoints are: "
                    + (endpoints.isEmpty() ? "(none)" : String.join(", ", endpoints.keySet())) + ".");
        }
        return withHealthCheck(new dev.apphost.model.HealthCheck.Http(path.startsWith("/") ? path : "/" + path,
                endpointName, statusCode));
    }

    /**
     * Adds a check of its own, polled while the resource runs: it is healthy when all its checks pass.
     *
     * <pre>{@code
     * .withHealthCheck("warm", () -> cacheIsWarm() ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("cold"))
     * }</pre>
     */
    public B withHealthCheck(String name, HealthCheck check) {
        required(name, "name");
        required(check, "check");
        return withHealthCheck(new dev.apphost.model.HealthCheck.Custom(name, check));
    }

    /** Adds a model health check; keys are unique per resource (Aspire's message otherwise). */
    B withHealthCheck(dev.apphost.model.HealthCheck check) {
        if (healthChecks.stream().anyMatch(c -> c.key().equals(check.key()))) {
            throw new DistributedApplicationException("Resource '" + name() + "' already has a health check with key '"
                    + check.key() + "'.");
        }
        healthChecks.add(check);
        return self();
    }

    /**
     * A command of its own, listed beside start, stop and restart (the dashboard shows it) and run
     * with {@code app.resourceCommands().executeCommand(resource, name)}.
     *
     * <pre>{@code
     * .withCommand("reload", "Reload settings", context ->
     *         context.resourceCommands().executeCommand(context.resourceName(), KnownResourceCommands.RESTART))
     * }</pre>
     */
    public B withCommand(String name, String displayName, Function<ExecuteCommandContext, ExecuteCommandResult> execute) {
        required(name, "name");
        required(execute, "execute");
        if (name.startsWith("resource-") || commands.stream().anyMatch(c -> c.name().equals(name))) {
            throw new DistributedApplicationException("Resource '" + name() + "' already has a command named '" + name
                    + "'" + (name.startsWith("resource-") ? " (names starting with 'resource-' are the built-in ones)" : "")
                    + "; choose another name.");
        }
        commands.add(new ResourceCommandSpec(name, displayName == null ? name : displayName, execute));
        return self();
    }

    // ---- end of lifecycle ----

    /** Adds an environment entry for the model's own defaults (Redis's password, a project's port variables). */
    void addEnvironment(EnvironmentEntry entry) {
        environment.add(entry);
    }

    ComputeSettings settings() {
        return new ComputeSettings(List.copyOf(endpoints.values()), environment, args, waits, healthChecks,
                excludedFromManifest(), explicitStart, commands);
    }

    private String requireName(String variable) {
        required(variable, "name");
        if (variable.isEmpty()) {
            throw invalid("name", "an environment variable name must not be empty.");
        }
        if (variable.indexOf('=') >= 0 || variable.indexOf('\0') >= 0) {
            throw invalid("name", "the environment variable name '" + variable + "' contains '"
                    + (variable.indexOf('=') >= 0 ? "=" : "\\0") + "', which no environment can hold (the name ends at the first '='); "
                    + "pass the name and the value separately: withEnvironment(\"NAME\", \"value\").");
        }
        return variable;
    }

    static Integer validPort(String resourceName, Integer port, String what) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidResourceArgumentException(resourceName, what, "Resource '" + resourceName + "': " + what
                    + " " + port + " is not a valid port; use 1-65535, or null to have one allocated.");
        }
        return port;
    }
}
