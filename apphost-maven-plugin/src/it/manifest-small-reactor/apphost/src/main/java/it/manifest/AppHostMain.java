package it.manifest;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var cache = builder.addRedis("cache");
        var password = builder.addParameter("password", true);
        builder.addProject(Projects.Api.class, "api")
                .withExternalHttpEndpoints()
                .withReference(cache)
                .withEnvironment("API_PASSWORD", password);
        builder.addContainer("queue", "rabbitmq", "3")
                .withEnvironment("RABBITMQ_DEFAULT_PASS", password);
        builder.build().run();
    }
}
