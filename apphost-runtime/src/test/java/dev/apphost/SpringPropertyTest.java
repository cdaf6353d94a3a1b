package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.Network;
import dev.apphost.plan.ParameterValues;
import dev.apphost.plan.RunValues;
import dev.apphost.publish.ManifestWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spring properties with their exact names and deferred values, in run and in publish mode. */
class SpringPropertyTest {

    private static DistributedApplicationBuilder model(String... args) {
        var b = TestApps.builder(Path.of("/work/app/apphost"), Map.of(), args);
        var registry = b.addProject(TestProjects.ApiService.class, "registry");
        var zone = b.addParameter("zone", "eu");
        b.addProject(TestProjects.WebFrontend.class, "web")
                .withSpringProperty("spring.application.name", "web")
                .withSpringProperty("eureka.client.serviceUrl.defaultZone",
                        ReferenceExpression.of(registry.getEndpoint("http"), "/eureka/"))
                .withSpringProperty("app.zones[0]", zone);
        return b;
    }

    @Test
    void runModeResolvesThemAsCommandLineArguments() {
        AppModel model = model().build().model();
        var params = new ParameterValues(model, Configuration.of(Map.of(), Map.of(), Map.of(), List.of()), null);
        RunValues values = new RunValues(model, params::value,
                (r, e) -> r.equals("registry") ? new AllocatedEndpoint("registry", "http", "http", 8761, 8761, false) : null);

        List<String> args = ((ComputeResource) model.get("web")).settings().args().stream()
                .map(a -> values.resolve(a, Network.HOST)).toList();

        assertThat(args).containsExactly("--spring.application.name=web",
                "--eureka.client.serviceUrl.defaultZone=http://localhost:8761/eureka/", "--app.zones[0]=eu");
    }

    @Test
    void publishModeWritesPlaceholders() {
        var b = model("--publisher", "manifest");
        String manifest = new ManifestWriter().write(b.build().model(), b.executionContext(), Path.of("/work/app/apphost"));

        assertThat(manifest).contains("\"--spring.application.name=web\"")
                .contains("\"--eureka.client.serviceUrl.defaultZone={registry.bindings.http.url}/eureka/\"")
                .contains("\"--app.zones[0]={zone.value}\"");
    }

    @Test
    void unusableKeysNameTheResource() {
        var web = TestProjects.builder().addProject(TestProjects.WebFrontend.class, "web");

        assertThatThrownBy(() -> web.withSpringProperty("a=b", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Resource 'web': Spring property key 'a=b'");
        assertThatThrownBy(() -> web.withSpringProperty(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
