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
 */
public record Endpoint(
        String name,
        String scheme,
        String protocol,
        String transport,
        Integer port,
        Integer targetPort,
        boolean external,
        String env) {

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
        return new Endpoint(name, scheme, protocol, transport, port, targetPort, value, env);
    }

    public Endpoint withPorts(Integer newPort, Integer newTargetPort) {
        return new Endpoint(name, scheme, protocol, transport, newPort, newTargetPort, external, env);
    }

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
    }
}
