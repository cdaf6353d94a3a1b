package dev.apphost.model;

/**
 * An endpoint of a resource, as declared in the model.
 *
 * @param name unique within its resource
 * @param scheme {@code http}, {@code https}, {@code tcp}, {@code udp}, …
 * @param protocol {@code tcp} or {@code udp}
 * @param transport {@code http} for http(s) schemes, else the protocol
 * @param port the port others connect to; {@code null} = allocate one
 * @param targetPort the port the workload listens on; {@code null} = same as port (or allocated)
 * @param external whether it is meant to be reached from outside the app (manifest {@code external})
 * @param env the environment variable that receives the target port, or {@code null}
 * @param proxied whether the orchestrator puts a proxy in front of it (Aspire's {@code IsProxied},
 *     {@code true} by default); stored as declared, acted on by the run-mode networking
 */
public record Endpoint(
        String name,
        String scheme,
        String protocol,
        String transport,
        Integer port,
        Integer targetPort,
        boolean external,
        String env,
        boolean proxied) {

    /** An endpoint proxied as by default. */
    public Endpoint(String name, String scheme, String protocol, String transport, Integer port, Integer targetPort,
            boolean external, String env) {
        this(name, scheme, protocol, transport, port, targetPort, external, env, true);
    }

    /** An endpoint with Aspire's defaults: protocol tcp, transport from the scheme. */
    public static Endpoint of(String name, String scheme, Integer port, Integer targetPort, String env) {
        String protocol = "udp".equals(scheme) ? "udp" : "tcp";
        String transport = isHttp(scheme) ? "http" : protocol;
        return new Endpoint(name, scheme, protocol, transport, port, targetPort, false, env);
    }

    public boolean isHttp() {
        return isHttp(scheme);
    }

    public Endpoint withExternal(boolean value) {
        return new Endpoint(name, scheme, protocol, transport, port, targetPort, value, env, proxied);
    }

    public Endpoint withPorts(Integer newPort, Integer newTargetPort) {
        return new Endpoint(name, scheme, protocol, transport, newPort, newTargetPort, external, env, proxied);
    }

    public Endpoint withProxied(boolean value) {
        return new Endpoint(name, scheme, protocol, transport, port, targetPort, external, env, value);
    }

    /** For messages: {@code http endpoint 'http' on port 8080 (target 80)}. */
    public String describe() {
        String where = port == null ? "on an allocated port" : "on port " + port;
        String target = targetPort == null || targetPort.equals(port) ? "" : " (target port " + targetPort + ")";
        return scheme + " endpoint '" + name + "' " + where + target;
    }

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
    }
}
