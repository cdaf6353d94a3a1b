package dev.apphost;

import dev.apphost.publish.deploy.DeploymentSettings;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Docker Compose compute environment (Aspire's {@code AddDockerComposeEnvironment}): with it,
 * {@code --publisher docker-compose --output-path DIR} writes {@code DIR/docker-compose.yaml} and
 * {@code DIR/.env}, and {@code mvn apphost:deploy} brings the app up on the local engine. Its name
 * is the Compose project name.
 *
 * <pre>{@code
 * var builder = DistributedApplication.createBuilder(args);
 * builder.addDockerComposeEnvironment("compose")
 *        .configureComposeFile(file -> file.put("name", "weather"));
 * var cache = builder.addRedis("cache");
 * builder.addProject(Projects.WebFrontend.class, "webfrontend")
 *        .withExternalHttpEndpoints()
 *        .withReference(cache).waitFor(cache)
 *        .publishAsDockerComposeService((resource, service) -> service.set("restart", "always"));
 * builder.build().run();
 * }</pre>
 */
public final class DockerComposeEnvironmentBuilder {

    private final String name;
    private final DeploymentSettings settings;

    DockerComposeEnvironmentBuilder(String name, DeploymentSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    /**
     * Changes the whole Compose file before it is written: {@code file} is its tree (top-level
     * {@code services}, {@code volumes}, …; maps keep their order).
     */
    public DockerComposeEnvironmentBuilder configureComposeFile(Consumer<Map<String, Object>> configure) {
        settings.addComposeFileCallback(Objects.requireNonNull(configure, "configure"));
        return this;
    }
}
