package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.otlp.OtelEnvironment;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.MissingValueException;
import dev.apphost.plan.Network;
import dev.apphost.plan.RunValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Resolves a resource's environment and arguments, as seen from an executor's {@link Network}, into a {@link LaunchRequest}. */
final class LaunchRequestResolver {

    private final EnvironmentPlanner planner;
    private final RunValues values;
    private final EndpointAllocation allocation;
    private final Supplier<OtelEnvironment> telemetry;
    private final Map<String, Map<String, String>> resolved = new ConcurrentHashMap<>();

    /** @param telemetry the run's OpenTelemetry variables, or a supplier of {@code null} when telemetry is off */
    LaunchRequestResolver(EnvironmentPlanner planner, RunValues values, EndpointAllocation allocation,
            Supplier<OtelEnvironment> telemetry) {
        this.planner = planner;
        this.values = values;
        this.allocation = allocation;
        this.telemetry = telemetry;
    }

    /** The environment {@code resource} was last started with (as its executor's network sees it), if any. */
    Map<String, String> lastEnvironment(String resource) {
        return resolved.getOrDefault(resource, Map.of());
    }

    /** @throws ResourceStartException with the user's message when a value cannot be resolved */
    LaunchRequest resolve(ComputeResource resource, Network network) throws ResourceStartException {
        String name = resource.name();
        try {
            LaunchRequest single = resolve(resource, network, values, allocation.of(name));
            resolved.put(name, Collections.unmodifiableMap(single.environment()));
            allocation.release(name); // the executor starts it next: its ports must be bindable now
            if (resource.replicas() <= 1) {
                return single;
            }
            List<LaunchRequest> replicas = new ArrayList<>();
            for (int i = 0; i < resource.replicas(); i++) {
                List<AllocatedEndpoint> own = allocation.replica(name, i);
                RunValues replicaValues = values.withEndpoints((r, e) -> r.equalsIgnoreCase(name)
                        ? own.stream().filter(a -> a.endpoint().equals(e)).findFirst().orElse(null)
                        : allocation.find(r, e));
                replicas.add(resolve(resource, network, replicaValues, own));
            }
            return new LaunchRequest(single.environment(), single.args(), single.endpoints(), replicas);
        } catch (MissingValueException e) {
            throw new ResourceStartException("Resource '" + name + "' cannot start because parameter '"
                    + e.parameter() + "' has no value: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ResourceStartException("Resource '" + name + "' cannot start: " + e.getMessage(), e);
        }
    }

    private LaunchRequest resolve(ComputeResource resource, Network network, RunValues with,
            List<AllocatedEndpoint> endpoints) {
        Map<String, String> env = new LinkedHashMap<>();
        OtelEnvironment otel = telemetry.get();
        if (otel != null) {
            env.putAll(resource instanceof dev.apphost.model.ContainerResource c && c.persistent()
                    ? otel.variables(resource.name(), network, c.containerName())
                    : otel.variables(resource.name(), network));
        }
        env.putAll(with.resolveAll(planner.environment(resource), network));
        List<String> args = new ArrayList<>();
        for (ValueExpression arg : resource.settings().args()) {
            args.add(with.resolve(arg, network));
        }
        return new LaunchRequest(env, args, endpoints);
    }
}
