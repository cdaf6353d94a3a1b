package dev.apphost.maven.fork;

/** The AppHost started in the background did not become ready; the message says why. */
public class AppHostStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public AppHostStartException(String message) {
        super(message);
    }
}
