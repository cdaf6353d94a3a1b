package dev.apphost;

import dev.apphost.model.Endpoint;

/**
 * The changeable parts of an endpoint, for {@link ComputeResourceBuilder#withEndpoint(String, java.util.function.Consumer)}:
 *
 * <pre>{@code
 * builder.addProject(Projects.Api.class, "api")
 *        .withEndpoint("http", e -> e.isProxied(true))   // a host port that survives restarts
 *        .withEndpoint("http", e -> e.port(8080));       // a fixed host port
 * }</pre>
 */
public final class EndpointSpec {
    Integer port;
    Integer targetPort;
    boolean external;
    boolean proxied;

    EndpointSpec(Endpoint endpoint) {
        port = endpoint.port();
        targetPort = endpoint.targetPort();
        external = endpoint.external();
        proxied = endpoint.proxied();
    }

    /** The host port; {@code null} = allocate one. */
    public EndpointSpec port(Integer value) {
        port = value;
        return this;
    }

    /** The port the workload listens on; {@code null} = allocated (or the host port when not proxied). */
    public EndpointSpec targetPort(Integer value) {
        targetPort = value;
        return this;
    }

    /** Whether it is meant to be reached from outside the app (manifest {@code external}). */
    public EndpointSpec isExternal(boolean value) {
        external = value;
        return this;
    }

    /**
     * Whether the AppHost's TCP proxy listens on the host port and forwards to the target port: the
     * host port then stays the same and accepts connections while the resource restarts.
     */
    public EndpointSpec isProxied(boolean value) {
        proxied = value;
        return this;
    }
}
