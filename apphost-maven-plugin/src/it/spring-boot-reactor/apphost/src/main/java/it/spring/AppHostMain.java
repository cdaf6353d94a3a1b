package it.spring;

import dev.apphost.DistributedApplication;
import dev.apphost.annotations.AppHost;

@AppHost
public class AppHostMain {

    /** The gateway's fixed port; verify.groovy expects it. */
    static final int GATEWAY_PORT = 18471;

    /**
     * No waitFor: the services call each other per request, so all three start at once; "all resources
     * ready" needs every health check to pass, and the gateway's goes through greeting to names.
     */
    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var names = builder.addProject(Projects.Names.class, "names")
                .withHttpHealthCheck("/name");
        var greeting = builder.addProject(Projects.Greeting.class, "greeting")
                .withReference(names)
                .withHttpHealthCheck("/greet");
        builder.addProject(Projects.Gateway.class, "gateway")
                .withEndpoint("http", e -> e.port(GATEWAY_PORT))
                .withReference(greeting)
                .withHttpHealthCheck("/hello");
        builder.build().run();
    }
}
