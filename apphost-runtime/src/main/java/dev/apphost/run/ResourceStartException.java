package dev.apphost.run;

/** A resource cannot start; the message tells the user why and what to change. */
public class ResourceStartException extends Exception {

    public ResourceStartException(String message) {
        super(message);
    }

    public ResourceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
