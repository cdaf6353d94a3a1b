package dev.apphost;

/**
 * A mistake in the app model or a failure of the application as a whole. Messages are written for
 * the person who wrote the AppHost: they name the resource, what is wrong, and where Aspire has a
 * message for the same mistake, they say what Aspire says.
 */
public class DistributedApplicationException extends RuntimeException {

    public DistributedApplicationException(String message) {
        super(message);
    }

    public DistributedApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
