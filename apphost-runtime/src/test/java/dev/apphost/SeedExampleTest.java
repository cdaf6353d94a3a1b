package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.model.ContainerResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.Resource;
import dev.apphost.publish.SeedAppHostTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model of the seed's example AppHost ({@link SeedAppHostTest.AppHostMain}), in both modes. */
class SeedExampleTest {

    @Test
    void runModeModelHasEveryResourceInOrder() {
        DistributedApplication app = SeedAppHostTest.AppHostMain.define().build();
        assertThat(app.model().resources()).extracting(Resource::name).containsExactly(
                "cache", "apiservice", "webfrontend", "ollama", "myapp", "apiservice2", "redis", "worker", "password",
                "queue");
        assertThat(app.model().hiddenResources()).extracting(Resource::name)
                .containsExactly("cache-password", "redis-password");
        assertThat(app.model().get("redis")).isInstanceOf(ContainerResource.class);
    }

    @Test
    void publishModePicksTheConnectionStringBranch() {
        DistributedApplication app = SeedAppHostTest.AppHostMain.define("--publisher", "manifest", "--output-path", "out").build();
        assertThat(app.executionContext().isPublishMode()).isTrue();
        Resource redis = app.model().get("redis");
        assertThat(redis).isInstanceOf(ParameterResource.class);
        assertThat(((ParameterResource) redis).isConnectionString()).isTrue();
        assertThat(app.model().hiddenResources()).extracting(Resource::name).containsExactly("cache-password");
    }

    @Test
    void pathsResolveAgainstTheAppHostFolder() {
        DistributedApplication app = SeedAppHostTest.AppHostMain.define().build();
        Path appHost = app.appHostDirectory();
        ContainerResource ollama = (ContainerResource) app.model().get("ollama");
        assertThat(ollama.bindMounts()).extracting(m -> m.source()).containsExactly(
                appHost.resolve("ollama"), appHost.resolve("ollamaconfig"));
        assertThat(ollama.imageReference()).isEqualTo("ollama/ollama:latest");
        assertThat(((ProjectResource) app.model().get("apiservice")).projectPath())
                .isEqualTo(SeedAppHostTest.modules.resolve("apiservice/pom.xml"));
        assertThat(((dev.apphost.model.ExecutableResource) app.model().get("worker")).workingDirectory())
                .isEqualTo(appHost.resolveSibling("worker"));
    }
}
