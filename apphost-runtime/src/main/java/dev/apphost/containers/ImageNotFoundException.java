package dev.apphost.containers;

/** The image is not present locally and could not be pulled (no registry, unknown tag, no access). */
public class ImageNotFoundException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;
    private final String image;

    public ImageNotFoundException(String image, String pullFailure, Throwable cause) {
        super("Image '" + image + "' is not present locally and could not be pulled: " + pullFailure
                + ". Build or load it locally (scripts/container-setup.sh builds the project's test images), "
                + "or check the image name and tag.", cause);
        this.image = image;
    }

    /** The image reference as requested, e.g. {@code docker.io/library/redis:8.2}. */
    public String image() {
        return image;
    }
}
