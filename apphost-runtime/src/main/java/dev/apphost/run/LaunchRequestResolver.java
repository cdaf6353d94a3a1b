package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.MissingValueException;
import dev.apphost.plan.Network;
import dev.apphost.plan.RunValues;
import dev.apphost.otlp.OtelEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;

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
            Map<String, String> env = new LinkedHashMap<>();
            OtelEnvironment otel = telemetry.get();
            if (otel != null) {
                env.putAll(otel.variables(name, network));
            }
            env.putAll(values.resolveAll(planner.environment(resource), network));
            List<String> args = new ArrayList<>();
            for (ValueExpression arg : resource.settings().args()) {
                args.add(values.resolve(arg, network));
            }
            resolved.put(name, java.util.Collections.unmodifiableMap(env));
            LaunchRequest request = new LaunchRequest(env, args, allocation.of(name));
            allocation.release(name); // the executor starts it next: its ports must be bindable now
            return request;
        } catch (MissingValueException e) {
            throw new ResourceStartException("Resource '" + name + "' cannot start because parameter '"
                    + e.parameter() + "' has no value: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ResourceStartException("Resource '" + name + "' cannot start: " + e.getMessage(), e);
        }
    }
}
