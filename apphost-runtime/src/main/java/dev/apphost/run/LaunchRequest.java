package dev.apphost.run;

import dev.apphost.plan.AllocatedEndpoint;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs, resolved.
 *
 * @param environment the variables to add to the inherited environment, resolved for the executor's network
 * @param args the resource's arguments, resolved
 * @param endpoints the resource's endpoints with their ports
 */
public record LaunchRequest(Map<String, String> environment, List<String> args, List<AllocatedEndpoint> endpoints) {

    public LaunchRequest {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        args = List.copyOf(args);
        endpoints = List.copyOf(endpoints);
    }
}
