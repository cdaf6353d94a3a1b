package dev.apphost.internal;

import dev.apphost.DistributedApplicationException;

/** The AppHost class given to a test harness cannot produce a model. */
public final class AppHostCaptureException extends DistributedApplicationException {
    private static final long serialVersionUID = 1L;

    public AppHostCaptureException(String message) {
        super(message);
    }

    public AppHostCaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
