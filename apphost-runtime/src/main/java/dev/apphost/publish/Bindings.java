package dev.apphost.publish;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.Endpoint;
import dev.apphost.model.ProjectResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Aspire's publish-mode port rules (FACTS §a.2, {@code ResourceExtensions.ResolveEndpoints}):
 *
 * <ul>
 *   <li>targetPort: the explicit one; else, for a container, its port; else, for a project's first
 *       {@code http} and first {@code https} endpoint, none (the deployment tool chooses); else one
 *       allocated from 8000 on.</li>
 *   <li>port: the explicit one; else the target port; else none for http(s); else allocated.
 *       It is written only when it differs from the target port.</li>
 *   <li>{@code external} is written only when true.</li>
 * </ul>
 */
public final class Bindings {

    /** One endpoint as the manifest writes it. */
    public record Binding(Endpoint endpoint, Integer targetPort, Integer port) {

        /** The {@code port} field, or {@code null} when the manifest leaves it out. */
        public Integer writtenPort() {
            return port == null || Objects.equals(port, targetPort) ? null : port;
        }
    }

    private Bindings() {
    }

    /**
     * The bindings of every resource, keyed by resource name, with one port counter across them all,
     * as one manifest counts them: the deployment publishers read the same ports the manifest writes.
     */
    public static java.util.Map<String, List<Binding>> resolveAll(List<? extends ComputeResource> resources) {
        PortAllocator allocator = new PortAllocator();
        java.util.Map<String, List<Binding>> result = new java.util.LinkedHashMap<>();
        for (ComputeResource resource : resources) {
            result.put(resource.name(), resolve(resource, allocator));
        }
        return result;
    }

    static List<Binding> resolve(ComputeResource resource, PortAllocator allocator) {
        List<Binding> result = new ArrayList<>();
        Set<String> httpSchemesSeen = new HashSet<>();
        boolean project = resource instanceof ProjectResource;
        for (Endpoint endpoint : resource.endpoints()) {
            Integer targetPort;
            if (endpoint.targetPort() != null) {
                targetPort = endpoint.targetPort();
            } else if (resource instanceof ContainerResource && endpoint.port() != null) {
                targetPort = endpoint.port();
            } else if (project && endpoint.isHttp() && !httpSchemesSeen.contains(endpoint.scheme())) {
                targetPort = null;
            } else {
                targetPort = allocator.allocate();
            }
            if (project && endpoint.isHttp()) {
                httpSchemesSeen.add(endpoint.scheme());
            }
            Integer port;
            if (endpoint.port() != null) {
                port = endpoint.port();
            } else if (targetPort != null) {
                port = targetPort;
            } else if (endpoint.isHttp()) {
                port = null;
            } else {
                port = allocator.allocate();
            }
            if (port != null) {
                allocator.markUsed(port);
            }
            if (targetPort != null) {
                allocator.markUsed(targetPort);
            }
            result.add(new Binding(endpoint, targetPort, port));
        }
        return result;
    }

    static void write(JsonWriter json, List<Binding> bindings) {
        if (bindings.isEmpty()) {
            return;
        }
        json.beginObject("bindings");
        for (Binding binding : bindings) {
            Endpoint endpoint = binding.endpoint();
            json.beginObject(endpoint.name())
                    .property("scheme", endpoint.scheme())
                    .property("protocol", endpoint.protocol())
                    .property("transport", endpoint.transport());
            if (binding.writtenPort() != null) {
                json.property("port", binding.writtenPort());
            }
            if (binding.targetPort() != null) {
                json.property("targetPort", binding.targetPort());
            }
            if (endpoint.external()) {
                json.property("external", true);
            }
            json.endObject();
        }
        json.endObject();
    }
}
