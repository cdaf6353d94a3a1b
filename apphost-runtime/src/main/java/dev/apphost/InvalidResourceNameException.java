package dev.apphost;

/** A resource or endpoint name that breaks Aspire's naming rules; thrown by the {@code add*} or {@code with*} call. */
public class InvalidResourceNameException extends IllegalArgumentException {

    public InvalidResourceNameException(String message) {
        super(message);
    }
}
