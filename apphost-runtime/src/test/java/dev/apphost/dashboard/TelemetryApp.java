package dev.apphost.dashboard;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import dev.apphost.otlp.OtelEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * Two real JVM services, {@code front} calling {@code back}, run as project resources with the real
 * OpenTelemetry Java agent (from the test classpath) and the dashboard on.
 */
final class TelemetryApp {

    static final Duration LONG = Duration.ofSeconds(180);

    private TelemetryApp() {
    }

    /** The agent jar on the test classpath. */
    static Path agentJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("opentelemetry-javaagent")).map(Path::of).findFirst()
                .orElseThrow(() -> new IllegalStateException("opentelemetry-javaagent is not on the test classpath"));
    }

    /** Starts front and back in {@code dir} and waits until both are healthy. */
    static DistributedApplication start(Path dir, String... args) throws IOException {
        module(dir.resolve("front"), "Front");
        module(dir.resolve("back"), "Back");
        System.setProperty(OtelEnvironment.AGENT_JAR_PROPERTY, agentJar().toString());
        try {
            var b = TestApps.builder(dir, Map.of("Dashboard:Enabled", "true"), args);
            var back = b.addProject("back", "back").withHttpHealthCheck("/health");
            b.addProject("front", "front").withHttpHealthCheck("/health").withReference(back).waitFor(back);
            DistributedApplication app = b.build();
            try {
                app.start();
                app.resourceNotifications().waitForResourceHealthy("front", LONG);
                return app;
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        } finally {
            System.clearProperty(OtelEnvironment.AGENT_JAR_PROPERTY);
        }
    }

    static void module(Path dir, String main) throws IOException {
        Path src = dir.resolve("src/main/java/demo");
        Files.createDirectories(src);
        try (InputStream in = TelemetryApp.class.getResourceAsStream("/dashboard/" + main + ".java")) {
            Files.write(src.resolve(main + ".java"), in.readAllBytes());
        }
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                List.of("-d", classes.toString(), src.resolve(main + ".java").toString()).toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed for " + main);
        }
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>%s</artifactId><version>1</version>
                  <properties><apphost.mainClass>demo.%s</apphost.mainClass></properties>
                </project>
                """.formatted(main.toLowerCase(), main));
    }
}
