package dev.apphost.maven.deploy;

/** A project could not be built into an image; the message names the module, the image and the cause. */
public class ImageBuildException extends Exception {

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
