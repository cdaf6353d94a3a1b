package dev.apphost.plan;

import dev.apphost.DistributedApplicationException;

/** A parameter or connection string has no value; the resources that use it cannot start. */
public class MissingValueException extends DistributedApplicationException {

    private final String parameter;

    public MissingValueException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter (or connection-string resource) without a value. */
    public String parameter() {
        return parameter;
    }
}
