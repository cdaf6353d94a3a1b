package it.collision;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        builder.addProject("api", "../api-service");
        builder.build().run();
    }
}
