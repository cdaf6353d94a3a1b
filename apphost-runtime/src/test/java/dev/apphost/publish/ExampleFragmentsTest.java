package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.model.GeneratedDefault;
import dev.apphost.model.ParameterResource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds in Java the app models behind the single-resource fragments of Aspire's own tests
 * ({@code ../shared/aspire/examples/*_test_*.json}) and compares our JSON for that resource byte
 * for byte.
 */
class ExampleFragmentsTest {

    private static final ExecutionContext PUBLISH = ExecutionContext.publish("manifest");

    @TempDir
    Path temp;

    static DistributedApplicationBuilder publishBuilder() {
        return DistributedApplication.createBuilder("--publisher", "manifest");
    }

    private void assertFragment(DistributedApplicationBuilder builder, String resource, String exampleFile,
            Path manifestDirectory) {
        String expected = ManifestTestSupport.withoutTrailingNewline(ManifestTestSupport.example(exampleFile));
        AppModel model = builder.build().model();
        ManifestWriter writer = new ManifestWriter();
        assertThat(writer.writeResource(model, PUBLISH, manifestDirectory, resource)).isEqualTo(expected);
        ManifestTestSupport.assertValidManifest(writer.write(model, PUBLISH, manifestDirectory));
    }

    @Test
    void containerWithPortAndTargetPort() {
        var builder = publishBuilder();
        builder.addContainer("app", "image").withEndpoint(8080, 3000, null, "ep0", null);
        assertFragment(builder, "app", "main_test_container-port-and-targetport.json", temp);
    }

    @Test
    void containerHttpEndpointWithoutPortsGets8000() {
        var builder = publishBuilder();
        builder.addContainer("app", "image").withHttpEndpoint(null, null, "h3");
        assertFragment(builder, "app", "main_test_container-http-no-ports-allocates-8000.json", temp);
    }

    @Test
    void containerWithEntrypoint() {
        var builder = publishBuilder();
        builder.addContainer("grafana", "grafana/grafana").withEntrypoint("custom");
        assertFragment(builder, "grafana", "v9.5.2_test_container-entrypoint.json", temp);
    }

    /**
     * Aspire writes an anonymous volume without {@code name}, although every version of its schema
     * requires {@code name} for volumes: so the fragment matches Aspire, and the schema check runs
     * on the same container without its anonymous volume.
     */
    @Test
    void containerWithVolumesNamedAndAnonymous() {
        var builder = publishBuilder();
        builder.addContainer("containerwithvolumes", "image/name")
                .withVolume("myvolume", "/mount/here")
                .withVolume("myreadonlyvolume", "/mount/there", true)
                .withVolume(null, "/mount/everywhere");
        String expected = ManifestTestSupport.withoutTrailingNewline(
                ManifestTestSupport.example("v9.5.2_test_container-volumes.json"));
        assertThat(new ManifestWriter().writeResource(builder.build().model(), PUBLISH, temp, "containerwithvolumes"))
                .isEqualTo(expected);

        var named = publishBuilder();
        named.addContainer("containerwithvolumes", "image/name")
                .withVolume("myvolume", "/mount/here")
                .withVolume("myreadonlyvolume", "/mount/there", true);
        ManifestTestSupport.assertValidManifest(new ManifestWriter().write(named.build().model(), PUBLISH, temp));
    }

    @Test
    void containerWithBindMountsRelativeToManifestFolder() {
        Path manifestDir = temp.resolve("manifest");
        var builder = publishBuilder();
        builder.addContainer("containerwithbindmounts", "image/name")
                .withBindMount(manifestDir.resolve("some/source").toString(), "/bound")
                .withBindMount(manifestDir.resolve("not/relative/qualified").toString(), "/another/place")
                .withBindMount(manifestDir.resolve("some/other/source").toString(), "\\mount\\here")
                .withBindMount(manifestDir.resolve("some/file/path.txt").toString(), "/mount/there.txt", true);
        assertFragment(builder, "containerwithbindmounts", "v9.5.2_test_container-bindmounts.json", manifestDir);
    }

    @Test
    void executableWithArgsFromEndpointsAndConnectionStrings() {
        Path manifestDir = temp.resolve("a/b/c/d/e");
        String workingDirectory = temp.resolve("tests/Aspire.Hosting.Tests").toString();
        var builder = publishBuilder();
        var test = builder.addConnectionString("test");
        var test2 = builder.addConnectionString("test2");
        var e1 = builder.addExecutable("e1", "ruby", workingDirectory, "app.rb").withHttpEndpoint(null, null, "ep");
        var e2 = builder.addExecutable("e2", "python", workingDirectory, "app.py").withHttpEndpoint(null, null, "ep");
        e2.withArgs(e1.getEndpoint("ep"))
                .withArgs("arg1").withArgs(test)
                .withArgs("arg2").withArgs(e1.getEndpoint("ep"), test2, e2.getEndpoint("ep"));
        assertFragment(builder, "e2", "main_test_executable-with-args.json", manifestDir);
    }

    @Test
    void parameterWithGenerateDefaultWritesOnlyNonDefaultFields() {
        var parameter = new ParameterResource("param", false, false,
                new GeneratedDefault(16, false, false, false, false, 1, 2, 3, 4), false, false);
        AppModel model = new AppModel(List.of(parameter), List.of());
        String expected = ManifestTestSupport.withoutTrailingNewline(
                ManifestTestSupport.example("main_test_parameter-generate-default.json"));
        ManifestWriter writer = new ManifestWriter();
        assertThat(writer.writeResource(model, PUBLISH, temp, "param")).isEqualTo(expected);
        ManifestTestSupport.assertValidManifest(writer.write(model, PUBLISH, temp));
    }

    /**
     * Bindings match byte for byte; {@code env} differs by design: .NET writes
     * {@code OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY}, {@code ASPNETCORE_FORWARDEDHEADERS_ENABLED},
     * {@code HTTP_PORTS}/{@code HTTPS_PORTS}; a Java project without the default endpoint has no env.
     * {@code path} is the module's pom.xml instead of a .csproj.
     */
    @Test
    void projectDefaultHttpAndHttpsEndpointsGetNoTargetPort() {
        Path manifestDir = temp;
        var builder = publishBuilder();
        builder.addProject("proj", temp.resolve("projectpath").toString(), false)
                .withHttpEndpoint(null, null, "hp")
                .withHttpEndpoint(null, null, "hp2")
                .withHttpsEndpoint(null, null, "hps")
                .withHttpsEndpoint(null, null, "hps2")
                .withEndpoint(null, null, "tcp", "tcp0", null);
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) ManifestTestSupport.parse(
                ManifestTestSupport.example("main_test_project-default-endpoints.json"));
        expected.put("path", "projectpath/pom.xml");
        expected.remove("env"); // .NET-only: OTEL_DOTNET_*, ASPNETCORE_FORWARDEDHEADERS_ENABLED, HTTP(S)_PORTS
        AppModel model = builder.build().model();
        assertThat(new ManifestWriter().writeResource(model, PUBLISH, manifestDir, "proj"))
                .isEqualTo(ManifestTestSupport.render(expected));
        ManifestTestSupport.assertValidManifest(new ManifestWriter().write(model, PUBLISH, manifestDir));
    }

    @Test
    void portCounterRunsAcrossTheWholeManifest() {
        var builder = publishBuilder();
        builder.addContainer("c1", "image").withEndpoint(null, null, "tcp", "custom", null);
        builder.addContainer("c2", "image").withEndpoint(null, null, "tcp", "custom", null);
        builder.addContainer("c3", "image").withEndpoint(8001, null, "tcp", "fixed", null)
                .withEndpoint(null, null, "tcp", "custom", null);
        var manifest = ManifestTestSupport.assertValidManifest(
                new ManifestWriter().write(builder.build().model(), PUBLISH, temp));
        assertThat(manifest.at("/resources/c1/bindings/custom/targetPort").asInt()).isEqualTo(8000);
        assertThat(manifest.at("/resources/c2/bindings/custom/targetPort").asInt()).isEqualTo(8001);
        assertThat(manifest.at("/resources/c3/bindings/fixed/targetPort").asInt()).isEqualTo(8001);
        assertThat(manifest.at("/resources/c3/bindings/custom/targetPort").asInt()).isEqualTo(8002);
        assertThat(manifest.at("/resources/c1/bindings/custom/port").isMissingNode()).isTrue();
    }
}
