package dev.apphost.publish.deploy;

import dev.apphost.DistributedApplicationException;

/**
 * The model cannot be published to a deployment target as it is: a resource kind the target cannot
 * run (an executable), a missing compute environment, two of the same kind. The message names the
 * resource and the fix.
 */
public class DeploymentException extends DistributedApplicationException {

    public DeploymentException(String message) {
        super(message);
    }
}
