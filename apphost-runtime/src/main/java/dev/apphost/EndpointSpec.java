package dev.apphost;

import dev.apphost.model.Endpoint;

/**
 * The changeable parts of an endpoint already declared on a resource, handed to
 * {@link ComputeResourceBuilder#withEndpoint(String, java.util.function.Consumer)}:
 *
 * <pre>{@code
 * builder.addProject(Projects.ApiGateway.class, "gateway")
 *        .withEndpoint("http", e -> e.port(8080))              // the project's default http endpoint, fixed
 *        .withEndpoint("http", e -> e.isExternal(true).isProxied(false));
 * }</pre>
 *
 * Ports: {@code null} means "allocate" ({@link #port}) or "same as port" ({@link #targetPort}), as
 * in {@code withHttpEndpoint(port, targetPort, name)}.
 */
public final class EndpointSpec {

    private final String resourceName;
    private final String name;
    private Integer port;
    private Integer targetPort;
    private boolean external;
    private boolean proxied;

    EndpointSpec(String resourceName, Endpoint endpoint) {
        this.resourceName = resourceName;
        this.name = endpoint.name();
        this.port = endpoint.port();
        this.targetPort = endpoint.targetPort();
        this.external = endpoint.external();
        this.proxied = endpoint.proxied();
    }

    /** The port others connect to; {@code null} = allocate one. */
    public EndpointSpec port(Integer value) {
        this.port = ComputeResourceBuilder.validPort(resourceName, value, "port of endpoint '" + name + "'");
        return this;
    }

    /** The port the workload listens on; {@code null} = the same as {@link #port}. */
    public EndpointSpec targetPort(Integer value) {
        this.targetPort = ComputeResourceBuilder.validPort(resourceName, value, "targetPort of endpoint '" + name + "'");
        return this;
    }

    /** Reachable from outside the app (manifest {@code external: true}). */
    public EndpointSpec isExternal(boolean value) {
        this.external = value;
        return this;
    }

    /** Whether a proxy sits in front of the endpoint ({@code true} by default, as in Aspire). */
    public EndpointSpec isProxied(boolean value) {
        this.proxied = value;
        return this;
    }

    public String name() {
        return name;
    }

    public Integer port() {
        return port;
    }

    public Integer targetPort() {
        return targetPort;
    }

    public boolean external() {
        return external;
    }

    public boolean proxied() {
        return proxied;
    }

    Endpoint applyTo(Endpoint endpoint) {
        return endpoint.withPorts(port, targetPort).withExternal(external).withProxied(proxied);
    }
}
