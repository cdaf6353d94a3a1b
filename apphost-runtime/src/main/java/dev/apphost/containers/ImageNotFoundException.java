package dev.apphost.containers;

/** The image is not present locally and could not be pulled (no registry, unknown tag, no access). */
public class ImageNotFoundException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;
    private final String image;

    public ImageNotFoundException(String image, String pullFailure, Throwable cause) {
        super("Image '" + image + "' is not present locally and could not be pulled: " + pullFailure
                + ". Check the image name and tag, pull it where a registry is reachable, or build or load it "
                + "into this engine (docker build / docker load).", cause);
        this.image = image;
    }

    /** The image reference as requested, e.g. {@code docker.io/library/redis:8.2}. */
    public String image() {
        return image;
    }
}
