package it.nodocker;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        builder.addRedis("cache");
        builder.addProject(Projects.Worker.class, "worker").withHttpHealthCheck("/");
        builder.build().run();
    }
}
