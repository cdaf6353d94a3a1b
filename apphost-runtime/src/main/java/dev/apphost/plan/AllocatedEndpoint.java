package dev.apphost.plan;

/**
 * An endpoint once ports are known.
 *
 * @param hostPort the port on the developer's machine (for a container: the published port)
 * @param targetPort the port the workload listens on
 * @param inContainer whether the workload is a container on the session network
 */
public record AllocatedEndpoint(String resource, String endpoint, String scheme, int hostPort, int targetPort,
        boolean inContainer) {

    /** The host name a consumer on {@code network} uses. */
    public String host(Network network) {
        if (network == Network.HOST) {
            return "localhost";
        }
        return inContainer ? resource : "host.docker.internal";
    }

    /** The port a consumer on {@code network} uses. */
    public int port(Network network) {
        return network == Network.CONTAINER && inContainer ? targetPort : hostPort;
    }

    public String url(Network network) {
        return scheme + "://" + host(network) + ":" + port(network);
    }
}
