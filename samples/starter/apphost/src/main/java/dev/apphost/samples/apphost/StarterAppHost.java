package dev.apphost.samples.apphost;

import dev.apphost.ContainerLifetime;
import dev.apphost.DistributedApplication;
import dev.apphost.KnownResourceCommands;
import dev.apphost.annotations.AppHost;

/**
 * The starter app: a Redis cache, the API service, and the web frontend that uses both.
 *
 * <pre>mvn apphost:run</pre>
 *
 * or, on the local engine with Docker Compose: {@code mvn apphost:deploy} (then {@code mvn apphost:undeploy});
 * a Helm chart: {@code mvn apphost:publish -Dapphost.publisher=kubernetes}.
 */
@AppHost
public class StarterAppHost {

    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);

        builder.addDockerComposeEnvironment("starter");
        builder.addKubernetesEnvironment("starter-k8s");

        // A persistent container outlives the AppHost: the next run reuses it (no create, no start)
        // unless its configuration changed; remove it with `docker rm -f cache-<hash>`.
        // Redis keeps nothing on disk here: restarting it empties the cache. The command is listed
        // beside start/stop/restart (app.resourceCommands().commands("cache")) and run with
        // app.resourceCommands().executeCommand("cache", "clear-cache").
        var cache = builder.addRedis("cache")
                .withLifetime(ContainerLifetime.PERSISTENT)
                .withCommand("clear-cache", "Clear the cache", context -> context.resourceCommands()
                        .executeCommand(context.resourceName(), KnownResourceCommands.RESTART));

        var apiService = builder.addProject(Projects.ApiService.class, "apiservice")
                .withHttpHealthCheck("/health");

        builder.addProject(Projects.WebFrontend.class, "webfrontend")
                .withExternalHttpEndpoints()
                .withHttpHealthCheck("/health")
                .withReference(cache)
                .waitFor(cache)
                .withReference(apiService)
                .waitFor(apiService);

        builder.build().run();
    }
}
