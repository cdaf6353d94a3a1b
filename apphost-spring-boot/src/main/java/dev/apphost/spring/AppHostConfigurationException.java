package dev.apphost.spring;

/**
 * A variable the AppHost injected, or an {@code apphost.*} property, cannot be used as it is. The
 * message names the variable or property, what is wrong with it and how to fix it.
 */
public class AppHostConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AppHostConfigurationException(String message) {
        super(message);
    }

    public AppHostConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
