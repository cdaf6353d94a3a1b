package dev.apphost.run;

import dev.apphost.Configuration;
import dev.apphost.ExecutionContext;
import dev.apphost.ResourceNotifications;
import dev.apphost.UserSecrets;
import dev.apphost.model.AppModel;
import java.net.URI;
import java.nio.file.Path;

/** Runs an app model on this machine. (Being written: the run engine.) */
public final class Orchestrator {

    public Orchestrator(AppModel model, ExecutionContext executionContext, Configuration configuration,
            Path appHostDirectory, UserSecrets secrets) {
    }

    public void run() {
        throw new UnsupportedOperationException("run mode is being written");
    }

    public void start() {
        throw new UnsupportedOperationException("run mode is being written");
    }

    public void stop() {
    }

    public ResourceNotifications notifications() {
        throw new UnsupportedOperationException("run mode is being written");
    }

    public URI endpointUrl(String resource, String endpoint) {
        throw new UnsupportedOperationException("run mode is being written");
    }

    public String connectionString(String resource) {
        throw new UnsupportedOperationException("run mode is being written");
    }
}
