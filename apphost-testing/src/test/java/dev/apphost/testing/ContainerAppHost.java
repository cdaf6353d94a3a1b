package dev.apphost.testing;

import dev.apphost.DistributedApplication;

/** An AppHost of containers: {@code web} (httpd on fixed host port 18081) and a Redis {@code cache}. */
public class ContainerAppHost {

    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var cache = builder.addRedis("cache");
        builder.addContainer("web", "local/httpd:1")
                .withHttpEndpoint(18081, 80, "http")
                .withReference(cache)
                .waitFor(cache);
        builder.build().run();
    }
}
