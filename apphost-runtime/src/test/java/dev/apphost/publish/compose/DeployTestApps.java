package dev.apphost.publish.compose;

import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.TestApps;
import java.nio.file.Path;
import java.util.Map;

/** The app the deployment publishers' tests publish: the starter's shape plus one of everything. */
public final class DeployTestApps {

    private DeployTestApps() {
    }

    /** An AppHost in {@code root/apphost}, publishing with {@code publisher} to {@code output}. */
    public static DistributedApplicationBuilder sample(Path root, String publisher, Path output) {
        DistributedApplicationBuilder builder = TestApps.builder(root.resolve("apphost"),
                Map.of("Parameters:greeting", "hello $USER"),
                "--publisher", publisher, "--output-path", output.toString());
        var cache = builder.addRedis("cache");
        var api = builder.addProject("apiservice", "../apiservice").withHttpHealthCheck("/health");
        var apiKey = builder.addParameter("api-key", true);
        var greeting = builder.addParameter("greeting");
        builder.addContainer("web", "local/httpd", "1")
                .withHttpEndpoint(8088, 80, "http")
                .withExternalHttpEndpoints()
                .withBindMount("./www", "/www", true)
                .withVolume("web-logs", "/logs")
                .withEnvironment("PRICE", "$5")
                .withArgs("httpd-foreground", "-v");
        builder.addProject("webfrontend", "../webfrontend")
                .withExternalHttpEndpoints()
                .withHttpHealthCheck("/health")
                .withReference(cache).waitFor(cache)
                .withReference(api).waitFor(api)
                .withEnvironment("API_KEY", apiKey)
                .withEnvironment("GREETING", greeting);
        builder.addExecutable("worker", "python3", ".", "worker.py").excludeFromManifest();
        return builder;
    }
}
