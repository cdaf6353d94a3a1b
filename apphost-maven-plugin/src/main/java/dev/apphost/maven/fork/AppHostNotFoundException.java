package dev.apphost.maven.fork;

/** No AppHost module, several, or {@code -Dapphost.module} names none; the message lists candidates. */
public class AppHostNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AppHostNotFoundException(String message) {
        super(message);
    }
}
