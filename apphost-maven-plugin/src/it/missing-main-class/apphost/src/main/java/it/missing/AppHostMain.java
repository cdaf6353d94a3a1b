package it.missing;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        builder.addProject(Projects.LibOnly.class, "libonly");
        builder.build().run();
    }
}
