package dev.apphost.launch;

/** The launch plan could not be read or produced; the message says what was tried. */
public class LaunchPlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaunchPlanException(String message) {
        super(message);
    }

    public LaunchPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
