package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.Endpoint;
import dev.apphost.publish.ManifestWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A typed project at a fixed port: {@code withEndpoint(name, spec)} and {@code addProject(Class, name, false)}. */
class EndpointSpecTest {

    @Test
    void changesTheDefaultHttpEndpointOfATypedProject() {
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api")
                .withEndpoint("http", e -> e.port(8080));

        Endpoint http = ((ComputeResource) project.resource()).endpoints().get(0);
        assertThat(http.name()).isEqualTo("http");
        assertThat(http.port()).isEqualTo(8080);
        assertThat(http.targetPort()).isNull();
        assertThat(http.external()).isFalse();
        assertThat(http.proxied()).isTrue();
    }

    @Test
    void setsEveryFieldOfTheSpecAndKeepsTheRest() {
        var container = TestProjects.builder().addContainer("web", "local/httpd:1")
                .withHttpEndpoint(null, 80, "http", "WEB_PORT")
                .withEndpoint("http", e -> e.port(9000).targetPort(8081).isExternal(true).isProxied(false));

        Endpoint http = ((ComputeResource) container.resource()).endpoints().get(0);
        assertThat(http).isEqualTo(new Endpoint("http", "http", "tcp", "http", 9000, 8081, true, "WEB_PORT", false));
    }

    @Test
    void aFixedPortReachesTheManifest() {
        var builder = TestApps.builder(Path.of("/work/app/apphost"), java.util.Map.of(), "--publisher", "manifest");
        builder.addProject(TestProjects.ApiService.class, "api").withEndpoint("http", e -> e.port(8080).isExternal(true));

        String manifest = new ManifestWriter().write(builder.build().model(), builder.executionContext(),
                Path.of("/work/app/apphost"));
        assertThat(manifest).contains("\"port\": 8080").contains("\"external\": true");
    }

    @Test
    void anUnknownEndpointNamesTheOnesThatExist() {
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api");

        assertThatThrownBy(() -> project.withEndpoint("https", e -> e.port(8443)))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessageContaining("Resource 'api' has no endpoint named 'https'")
                .hasMessageContaining("Its endpoints are: http");
    }

    @Test
    void invalidPortsNameResourceAndEndpoint() {
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api");

        assertThatThrownBy(() -> project.withEndpoint("http", e -> e.port(70000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Resource 'api': port of endpoint 'http' 70000 is not a valid port");
    }

    @Test
    void withoutDefaultEndpointATypedProjectTakesItsOwnHttpEndpoint() {
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api", false);
        assertThat(((ComputeResource) project.resource()).endpoints()).isEmpty();

        project.withHttpEndpoint(8080, null, "http");
        assertThat(((ComputeResource) project.resource()).endpoints()).extracting(Endpoint::port).containsExactly(8080);
    }

    @Test
    void theDuplicateMessageNamesTheExistingAndTheNewEndpoint() {
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api");

        assertThatThrownBy(() -> project.withHttpEndpoint(8080, null, "http"))
                .hasMessageStartingWith("Endpoint with name 'http' already exists.")
                .hasMessageContaining("Resource 'api' already has the http endpoint 'http' on an allocated port; "
                        + "this call adds the http endpoint 'http' on port 8080.")
                .hasMessageContaining("withEndpoint(\"http\", e -> e.port(...))");
    }
}
