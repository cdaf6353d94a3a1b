package dev.apphost.maven.deploy;

/** A deployment step failed; the message says which, with the tool's own output. */
public class DeployException extends Exception {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
