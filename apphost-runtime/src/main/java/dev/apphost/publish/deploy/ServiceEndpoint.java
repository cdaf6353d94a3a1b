package dev.apphost.publish.deploy;

import dev.apphost.model.Endpoint;

/**
 * An endpoint once deployed: other services reach it at {@code <service>:<targetPort>}.
 *
 * @param hostPort the port published on the host (Compose) for an external endpoint with an
 *     explicit port, else {@code null} (Compose then lets the engine choose)
 */
public record ServiceEndpoint(Endpoint endpoint, int targetPort, Integer hostPort) {

    public String name() {
        return endpoint.name();
    }

    public boolean external() {
        return endpoint.external();
    }
}
