package dev.apphost.dashboard;

import dev.apphost.Configuration;
import dev.apphost.ContainerLifetime;
import dev.apphost.UserSecrets;
import dev.apphost.model.AppModel;
import dev.apphost.model.ContainerResource;
import dev.apphost.run.PersistentPorts;
import dev.apphost.run.PortAllocator;
import java.nio.file.Path;

/**
 * The OTLP receiver's port and API key for one run. Both end up in every resource's environment, and a
 * persistent container's environment is part of its configuration hash: when the model has one, the
 * port is remembered per AppHost ({@link PersistentPorts}) and the key kept in the AppHost's user
 * secrets ({@value #API_KEY_SECRET}), so the next run hands the container the same values and reuses
 * it. Otherwise both are new at each run.
 */
final class OtlpIdentity {

    /** The user-secrets key of the remembered API key. */
    static final String API_KEY_SECRET = "AppHost:OtlpApiKey";

    private final int port;
    private final String apiKey;

    private OtlpIdentity(int port, String apiKey) {
        this.port = port;
        this.apiKey = apiKey;
    }

    /**
     * Decides them: a fixed {@code fixedPort} ({@code 0} = none) wins; a remembered port is used while
     * it is free, else a new one is taken (the persistent container is then recreated once). The port is
     * held in {@code held} until the receiver binds it.
     */
    static OtlpIdentity choose(AppModel model, Configuration configuration, Path appHostDirectory,
            UserSecrets secrets, int fixedPort, PortAllocator held) {
        boolean remember = appHostDirectory != null && secrets != null && hasPersistentContainer(model, configuration);
        String apiKey = remember ? configuration.get(API_KEY_SECRET) : null;
        if (apiKey == null || apiKey.isBlank()) {
            apiKey = DashboardAuth.newToken();
            if (remember) {
                secrets.put(API_KEY_SECRET, apiKey);
            }
        }
        if (fixedPort != 0) {
            return new OtlpIdentity(fixedPort, apiKey);
        }
        if (!remember) {
            return new OtlpIdentity(held.allocate(), apiKey);
        }
        String owner = "apphost-otlp-" + UserSecrets.appHostId(appHostDirectory);
        int port = PersistentPorts.standard().port(owner, "otlp", held);
        if (!held.holds(port) && !held.isFree(port)) {
            port = held.allocate(); // the remembered port is taken: a new one, and the container is recreated once
        }
        return new OtlpIdentity(port, apiKey);
    }

    private static boolean hasPersistentContainer(AppModel model, Configuration configuration) {
        return Boolean.parseBoolean(configuration.get(ContainerLifetime.PERSISTENT_CONTAINERS_KEY, "true"))
                && model.computeResources().stream().anyMatch(r -> r instanceof ContainerResource c && c.persistent());
    }

    int port() {
        return port;
    }

    String apiKey() {
        return apiKey;
    }
}
