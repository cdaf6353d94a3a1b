package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.model.ContainerResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.Resource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The seed's example from the API contract, written out unchanged but for the Projects stand-ins. */
class SeedExampleTest {

    static DistributedApplication seed(DistributedApplicationBuilder builder) {
        var cache = builder.addRedis("cache");
        var apiservice = builder.addProject(TestProjects.ApiService.class, "apiservice");

        builder.addProject(TestProjects.WebFrontend.class, "webfrontend")
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
        builder.addProject(TestProjects.ApiService.class, "apiservice2").withReference(endpoint);

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

        assertThat(ollama.name()).isEqualTo("ollama");
        assertThat(redis.name()).isEqualTo("redis");
        return builder.build();
    }

    @Test
    void runModeModelHasEveryResourceInOrder() {
        DistributedApplication app = seed(TestProjects.builder());
        assertThat(app.model().resources()).extracting(Resource::name).containsExactly(
                "cache", "apiservice", "webfrontend", "ollama", "myapp", "apiservice2", "redis", "worker", "password",
                "queue");
        assertThat(app.model().hiddenResources()).extracting(Resource::name)
                .containsExactly("cache-password", "redis-password");
        assertThat(app.model().get("redis")).isInstanceOf(ContainerResource.class);
    }

    @Test
    void publishModePicksTheConnectionStringBranch() {
        DistributedApplication app = seed(TestProjects.builder("--publisher", "manifest", "--output-path", "out"));
        assertThat(app.executionContext().isPublishMode()).isTrue();
        Resource redis = app.model().get("redis");
        assertThat(redis).isInstanceOf(ParameterResource.class);
        assertThat(((ParameterResource) redis).isConnectionString()).isTrue();
        assertThat(app.model().hiddenResources()).extracting(Resource::name).containsExactly("cache-password");
    }

    @Test
    void pathsResolveAgainstTheAppHostFolder() {
        DistributedApplication app = seed(TestProjects.builder());
        ContainerResource ollama = (ContainerResource) app.model().get("ollama");
        assertThat(ollama.bindMounts()).extracting(m -> m.source()).containsExactly(
                Path.of("/work/app/apphost/ollama"), Path.of("/work/app/apphost/ollamaconfig"));
        assertThat(ollama.imageReference()).isEqualTo("ollama/ollama:latest");
        assertThat(((ProjectResource) app.model().get("apiservice")).projectPath())
                .isEqualTo(Path.of("/work/app/api-service/pom.xml"));
        assertThat(((dev.apphost.model.ExecutableResource) app.model().get("worker")).workingDirectory())
                .isEqualTo(Path.of("/work/app/worker"));
    }
}
