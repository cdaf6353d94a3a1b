package dev.apphost;

/**
 * A value given to an {@code add*} or {@code with*} call that cannot work: an image reference the
 * engine would refuse, an empty command, an environment variable name with {@code =}, a relative
 * volume target, a bind-mount source that does not exist, a port outside 1-65535. Thrown by that
 * call, so the stack trace points at the AppHost line to fix; the message names the resource, the
 * argument and the fix.
 *
 * <pre>{@code
 * builder.addContainer("web", "Nginx");   // throws: Container resource 'web': image 'Nginx': repository
 *                                         // names must be lowercase; use 'nginx'.
 * }</pre>
 *
 * Names have their own type, {@link InvalidResourceNameException}; mistakes that involve several
 * resources (two resources on one fixed port, a wait on a resource of another builder) are
 * {@link DistributedApplicationException}s.
 */
public class InvalidResourceArgumentException extends IllegalArgumentException {

    private final String resourceName;
    private final String argument;

    public InvalidResourceArgumentException(String resourceName, String argument, String message) {
        super(message);
        this.resourceName = resourceName;
        this.argument = argument;
    }

    /** The resource whose call was given the bad value. */
    public String resourceName() {
        return resourceName;
    }

    /** The parameter that was given the bad value, e.g. {@code image} or {@code target}. */
    public String argument() {
        return argument;
    }
}
