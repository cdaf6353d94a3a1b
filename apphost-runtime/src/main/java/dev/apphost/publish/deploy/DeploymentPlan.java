package dev.apphost.publish.deploy;

import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.Resource;
import dev.apphost.model.ValueExpression;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.publish.Bindings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the model a deployment target runs, shared by the Compose and Kubernetes publishers:
 * which resources become services, their endpoints with the ports other services use, their
 * environment and arguments as deferred values (from {@link EnvironmentPlanner}, as run mode and the
 * manifest get them), and the parameters those values use.
 *
 * <p>Ports follow the manifest's rules ({@link Bindings}); a project's first http and https
 * endpoints, which the manifest leaves to the deployment tool, listen on {@value #PROJECT_HTTP_PORT}
 * and {@value #PROJECT_HTTPS_PORT}. Resources marked {@code excludeFromManifest()} are left out
 * with a warning; an executable that is not is an error, since no container engine can run it.
 */
public final class DeploymentPlan {

    public static final int PROJECT_HTTP_PORT = 8080;
    public static final int PROJECT_HTTPS_PORT = 8443;

    private final AppModel model;
    private final DeploymentTarget target;
    private final EnvironmentPlanner planner;
    private final List<ComputeResource> services = new ArrayList<>();
    private final Map<String, List<ServiceEndpoint>> endpoints = new LinkedHashMap<>();

    public DeploymentPlan(AppModel model, ExecutionContext executionContext, DeploymentTarget target,
            PrintStream warnings) {
        this.model = model;
        this.target = target;
        this.planner = new EnvironmentPlanner(model, executionContext);
        for (ComputeResource resource : model.computeResources()) {
            if (resource.excludedFromManifest()) {
                warnings.println("warning: resource '" + resource.name() + "' is excluded from the manifest; it is "
                        + "left out of the " + target.kind().publisherName() + " output.");
            } else if (resource instanceof ExecutableResource) {
                throw new DeploymentException("Resource '" + resource.name() + "' is an executable, which "
                        + target.kind().publisherName() + " cannot run: run it in a container (addContainer) or "
                        + "call excludeFromManifest() on it to leave it out of the deployment.");
            } else {
                services.add(resource);
            }
        }
        Bindings.resolveAll(model.computeResources()).forEach((name, bindings) -> endpoints.put(name,
                bindings.stream().map(DeploymentPlan::toServiceEndpoint).toList()));
    }

    private static ServiceEndpoint toServiceEndpoint(Bindings.Binding binding) {
        Integer target = binding.targetPort();
        if (target == null) {
            target = "https".equals(binding.endpoint().scheme()) ? PROJECT_HTTPS_PORT : PROJECT_HTTP_PORT;
        }
        Integer host = binding.endpoint().external() ? binding.endpoint().port() : null;
        return new ServiceEndpoint(binding.endpoint(), target, host);
    }

    public AppModel model() {
        return model;
    }

    public DeploymentTarget target() {
        return target;
    }

    /** The resources that become services, in model order. */
    public List<ComputeResource> services() {
        return services;
    }

    public boolean isDeployed(String resourceName) {
        return services.stream().anyMatch(s -> s.name().equalsIgnoreCase(resourceName));
    }

    public List<ServiceEndpoint> endpoints(String resourceName) {
        return endpoints.getOrDefault(model.get(resourceName).name(), List.of());
    }

    public ServiceEndpoint endpoint(String resourceName, String endpointName) {
        return endpoints(resourceName).stream().filter(e -> e.name().equals(endpointName)).findFirst()
                .orElseThrow(() -> new DeploymentException("Resource '" + resourceName + "' has no endpoint named '"
                        + endpointName + "'."));
    }

    /** The resource's environment, in order, as deferred values. */
    public Map<String, ValueExpression> environment(ComputeResource resource) {
        return planner.environment(resource);
    }

    /** The parameters the deployed services use (through connection strings too), in first-use order. */
    public List<ParameterResource> parameters() {
        Set<String> names = new LinkedHashSet<>();
        ParameterUses uses = new ParameterUses(model, names);
        for (ComputeResource service : services) {
            environment(service).values().forEach(v -> v.accept(uses));
            service.settings().args().forEach(v -> v.accept(uses));
        }
        List<ParameterResource> result = new ArrayList<>();
        for (String name : names) {
            Resource resource = model.get(name);
            if (resource instanceof ParameterResource parameter) {
                result.add(parameter);
            }
        }
        return result;
    }

    /** The names of the parameters {@code value} uses, through connection strings too. */
    public Set<String> parametersOf(ValueExpression value) {
        Set<String> names = new LinkedHashSet<>();
        value.accept(new ParameterUses(model, names));
        return names;
    }

    /** The variable a parameter becomes ({@code cache-password} → {@code CACHE_PASSWORD}). */
    public static String variableName(String parameterName) {
        return EnvironmentPlanner.encodeVariableName(parameterName).toUpperCase(java.util.Locale.ROOT);
    }
}
