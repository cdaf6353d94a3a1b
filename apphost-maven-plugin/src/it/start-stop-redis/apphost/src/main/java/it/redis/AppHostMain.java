package it.redis;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var cache = builder.addRedis("cache");
        builder.addProject(Projects.Pinger.class, "pinger")
                .withHttpHealthCheck("/")
                .withReference(cache)
                .waitFor(cache);
        builder.build().run();
    }
}
