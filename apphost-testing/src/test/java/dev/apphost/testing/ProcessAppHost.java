package dev.apphost.testing;

import dev.apphost.DistributedApplication;

/**
 * An AppHost of host processes only: {@code web} (busybox httpd on a fixed port that reaches it through
 * {@code PORT}) and {@code worker}, which waits for {@code web} and prints a greeting parameter.
 */
public class ProcessAppHost {

    /** Set when {@code main} goes past {@code build()}: a capture must never get there. */
    static volatile boolean ranPastBuild;

    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        var greeting = builder.addParameter("greeting", "hello");
        var web = builder.addExecutable("web", "sh", "src/test/resources/www",
                        "-c", "exec busybox httpd -f -p \"$PORT\" -h .")
                .withHttpEndpoint(18080, null, "http", "PORT");
        builder.addExecutable("worker", "sh", ".", "-c", "echo \"greeting=$GREETING\"; exec sleep 600")
                .withEnvironment("GREETING", greeting)
                .waitFor(web);
        var app = builder.build();
        ranPastBuild = true;
        app.run();
    }
}
