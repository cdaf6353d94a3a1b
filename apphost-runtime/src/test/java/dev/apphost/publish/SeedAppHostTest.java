package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.annotations.ProjectMetadata;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.ParameterResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's example AppHost ({@code shared/design/app-model-api.md}) published as a manifest. */
public class SeedAppHostTest {

    /** Where the nested {@code Projects} place their modules (set by the test before use). */
    public static Path modules = Path.of("modules").toAbsolutePath();

    /** What the annotation processor would generate for the seed's reactor. */
    public static final class Projects {
        private Projects() {
        }

        public static final class ApiService extends Module {
            public ApiService() {
                super("apiservice");
            }
        }

        public static final class WebFrontend extends Module {
            public WebFrontend() {
                super("webfrontend");
            }
        }
    }

    abstract static class Module implements ProjectMetadata {
        private final String artifactId;

        Module(String artifactId) {
            this.artifactId = artifactId;
        }

        @Override
        public String projectPath() {
            return modules.resolve(artifactId).resolve("pom.xml").toString();
        }

        @Override
        public String groupId() {
            return "com.example";
        }

        @Override
        public String artifactId() {
            return artifactId;
        }

        @Override
        public String version() {
            return "1.0.0-SNAPSHOT";
        }
    }

    /** The seed's AppHost, as written in the design document. */
    public static final class AppHostMain {
        public static void main(String[] args) {
            define(args).build().run();
        }

        public static DistributedApplicationBuilder define(String... args) {
            var builder = DistributedApplication.createBuilder(args);

            var cache = builder.addRedis("cache");
            var apiservice = builder.addProject(Projects.ApiService.class, "apiservice");

            builder.addProject(Projects.WebFrontend.class, "webfrontend")
                   .withExternalHttpEndpoints()
                   .withReference(cache)
                   .waitFor(cache)
                   .withReference(apiservice);

            var ollama = builder.addContainer("ollama", "ollama/ollama")
                   .withBindMount("ollama", "/root/.ollama")
                   .withBindMount("./ollamaconfig", "/usr/config")
                   .withHttpEndpoint(11434, 11434, "ollama")
                   .withEntrypoint("/usr/config/entrypoint.sh")
                   .withContainerRuntimeArgs("--gpus=all");

            var custom = builder.addContainer("myapp", "mycustomcontainer")
                   .withHttpEndpoint(9043, null, "endpoint");
            var endpoint = custom.getEndpoint("endpoint");
            builder.addProject(Projects.ApiService.class, "apiservice2").withReference(endpoint);

            var redis = builder.executionContext().isRunMode()
                   ? builder.addRedis("redis")
                   : builder.addConnectionString("redis");

            builder.addExecutable("worker", "python3", "../worker", "worker.py", "--verbose");
            var password = builder.addParameter("password", true);   // secret
            builder.addContainer("queue", "rabbitmq", "3")
                   .withEnvironment("RABBITMQ_DEFAULT_PASS", password)
                   .withEnvironment(context -> {
                       if (context.executionContext().isRunMode()) {
                           context.environmentVariables().put("RABBITMQ_NODENAME", "queue@localhost");
                       }
                   });
            return builder;
        }
    }

    @TempDir
    Path temp;

    @Test
    void publishesAValidManifestWithTheConnectionStringBranch() {
        modules = temp.resolve("modules");
        Path output = temp.resolve("publish");
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AppHostMain.main(new String[] {"--publisher", "manifest", "--output-path", output.toString()});
        } finally {
            System.setOut(originalOut);
        }
        Path file = output.resolve("aspire-manifest.json");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Published manifest to: " + file);
        String text = ManifestTestSupport.read(file);
        JsonNode manifest = ManifestTestSupport.assertValidManifest(text);

        assertThat(fieldNames(manifest.get("resources"))).containsExactly("cache", "apiservice", "webfrontend",
                "ollama", "myapp", "apiservice2", "redis", "worker", "password", "queue", "cache-password",
                "cache-password-uri-encoded");
        // isRunMode() is false: redis is a connection string read from configuration, not a container.
        assertThat(manifest.at("/resources/redis/type").asText()).isEqualTo("parameter.v0");
        assertThat(manifest.at("/resources/redis/connectionString").asText()).isEqualTo("{redis.value}");
        assertThat(manifest.at("/resources/redis/inputs/value/secret").asBoolean()).isTrue();
        // The run-mode-only callback adds nothing; withContainerRuntimeArgs is never written.
        assertThat(manifest.at("/resources/queue/env/RABBITMQ_NODENAME").isMissingNode()).isTrue();
        assertThat(manifest.at("/resources/queue/env/RABBITMQ_DEFAULT_PASS").asText()).isEqualTo("{password.value}");
        assertThat(manifest.at("/resources/queue/image").asText()).isEqualTo("rabbitmq:3");
        assertThat(text).doesNotContain("--gpus");
        assertThat(manifest.at("/resources/ollama/entrypoint").asText()).isEqualTo("/usr/config/entrypoint.sh");
        assertThat(manifest.at("/resources/ollama/bindings/ollama/targetPort").asInt()).isEqualTo(11434);
        assertThat(manifest.at("/resources/ollama/bindings/ollama/port").isMissingNode()).isTrue();
        assertThat(manifest.at("/resources/myapp/bindings/endpoint/targetPort").asInt()).isEqualTo(9043);
        assertThat(manifest.at("/resources/apiservice/path").asText()).isEqualTo("../modules/apiservice/pom.xml");
        assertThat(manifest.at("/resources/webfrontend/bindings/http/external").asBoolean()).isTrue();
        assertThat(manifest.at("/resources/webfrontend/env/ConnectionStrings__cache").asText())
                .isEqualTo("{cache.connectionString}");
        assertThat(manifest.at("/resources/webfrontend/env/services__apiservice__http__0").asText())
                .isEqualTo("{apiservice.bindings.http.url}");
        assertThat(manifest.at("/resources/webfrontend/env/OTEL_SERVICE_NAME").isMissingNode()).isTrue();
        assertThat(manifest.at("/resources/apiservice2/env/services__myapp__endpoint__0").asText())
                .isEqualTo("{myapp.bindings.endpoint.url}");
        assertThat(manifest.at("/resources/worker/type").asText()).isEqualTo("executable.v0");
        assertThat(manifest.at("/resources/worker/command").asText()).isEqualTo("python3");
        assertThat(manifest.at("/resources/worker/args/1").asText()).isEqualTo("--verbose");
        assertThat(manifest.at("/resources/cache-password/inputs/value/default/generate/special").asBoolean()).isFalse();
        assertThat(manifest.at("/resources/cache-password-uri-encoded/type").asText()).isEqualTo("annotated.string");
    }

    @Test
    void runModePicksRedis() {
        var model = AppHostMain.define(new String[0]).build().model();
        assertThat(model.get("redis")).isInstanceOf(ContainerResource.class);
        var publishModel = AppHostMain.define(new String[] {"--publisher", "manifest"}).build().model();
        assertThat(publishModel.get("redis")).isInstanceOf(ParameterResource.class);
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
