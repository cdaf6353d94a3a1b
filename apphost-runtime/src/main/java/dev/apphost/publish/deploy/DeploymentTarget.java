package dev.apphost.publish.deploy;

/**
 * A compute environment of the model (Aspire's {@code AddDockerComposeEnvironment} /
 * {@code AddKubernetesEnvironment}): where {@code --publisher docker-compose|kubernetes} sends the app.
 *
 * @param name the environment's resource name; the Compose project name or the Helm chart name
 */
public record DeploymentTarget(String name, Kind kind) {

    /** The kinds of compute environment, with the {@code --publisher} name that selects each. */
    public enum Kind {
        DOCKER_COMPOSE("docker-compose"),
        KUBERNETES("kubernetes");

        private final String publisherName;

        Kind(String publisherName) {
            this.publisherName = publisherName;
        }

        public String publisherName() {
            return publisherName;
        }
    }
}
