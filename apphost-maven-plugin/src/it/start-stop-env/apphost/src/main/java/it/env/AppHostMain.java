package it.env;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var backend = builder.addProject(Projects.Backend.class, "backend")
                .withHttpHealthCheck("/");
        builder.addProject(Projects.Frontend.class, "frontend")
                .withHttpHealthCheck("/")
                .withReference(backend)
                .waitFor(backend)
                .withEnvironment("GREETING", "hello");
        builder.build().run();
    }
}
