package dev.apphost.publish;

import dev.apphost.DistributedApplication;

/** Writes Aspire's publish manifest. (Being written: the manifest publisher.) */
public final class ManifestPublisher {

    private ManifestPublisher() {
    }

    public static void publish(DistributedApplication application) {
        throw new UnsupportedOperationException("publish mode is being written");
    }
}
