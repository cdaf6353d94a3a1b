package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.MissingValueException;
import dev.apphost.plan.Network;
import dev.apphost.plan.ParameterValues;
import dev.apphost.plan.RunValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment a run gives each resource: pure functions of the model, fixed ports. */
class RunEnvironmentTest {

    private static Map<String, String> env(AppModel model, String resource, Map<String, String> config,
            Network network) {
        var planner = new EnvironmentPlanner(model, ExecutionContext.run());
        var params = new ParameterValues(model, Configuration.of(Map.of(), Map.of(), config, java.util.List.of()), null);
        RunValues values = new RunValues(model, params::value, (r, e) -> switch (r + "/" + e) {
            case "api/http" -> new AllocatedEndpoint("api", "http", "http", 5001, 5001, false);
            case "web/http" -> new AllocatedEndpoint("web", "http", "http", 5002, 5002, false);
            case "svc/http" -> new AllocatedEndpoint("svc", "http", "http", 6000, 6000, false);
            case "svc/admin" -> new AllocatedEndpoint("svc", "admin", "http", 6001, 6001, false);
            case "cache/tcp" -> new AllocatedEndpoint("cache", "tcp", "tcp", 7000, 6379, true);
            default -> null;
        });
        return values.resolveAll(planner.environment((ComputeResource) model.get(resource)), network);
    }

    @Test
    void referenceToAnExecutableGivesServicesAndNameEndpointVariables() {
        var b = TestApps.builder(Map.of());
        var svc = b.addExecutable("svc", "true", ".").withHttpEndpoint(null, null, "http", "PORT")
                .withHttpEndpoint(null, null, "admin");
        b.addExecutable("client", "true", ".").withReference(svc);
        Map<String, String> env = env(b.build().model(), "client", Map.of(), Network.HOST);
        assertThat(env).containsEntry("services__svc__http__0", "http://localhost:6000")
                .containsEntry("services__svc__admin__0", "http://localhost:6001")
                .containsEntry("SVC_HTTP", "http://localhost:6000")
                .containsEntry("SVC_ADMIN", "http://localhost:6001");
        assertThat(env(b.build().model(), "svc", Map.of(), Network.HOST)).containsEntry("PORT", "6000");
    }

    @Test
    void referenceToOneEndpointGivesOnlyThatEndpoint() {
        var b = TestApps.builder(Map.of());
        var svc = b.addExecutable("svc", "true", ".").withHttpEndpoint(null, null, "http")
                .withHttpEndpoint(null, null, "admin");
        b.addExecutable("client", "true", ".").withReference(svc.getEndpoint("admin"))
                .withEnvironment("ADMIN_URL", svc.getEndpoint("admin"));
        Map<String, String> env = env(b.build().model(), "client", Map.of(), Network.HOST);
        assertThat(env).containsEntry("services__svc__admin__0", "http://localhost:6001")
                .containsEntry("ADMIN_URL", "http://localhost:6001")
                .doesNotContainKey("services__svc__http__0");
    }

    @Test
    void projectGetsItsPortVariablesAndServiceName() {
        var b = TestApps.builder(Map.of());
        var api = b.addProject("api", "api");
        b.addProject("web", "web").withReference(api);
        AppModel model = b.build().model();
        assertThat(env(model, "api", Map.of(), Network.HOST)).containsEntry("PORT", "5001")
                .containsEntry("SERVER_PORT", "5001").containsEntry("QUARKUS_HTTP_PORT", "5001")
                .containsEntry("MICRONAUT_SERVER_PORT", "5001").containsEntry("OTEL_SERVICE_NAME", "api");
        assertThat(env(model, "web", Map.of(), Network.HOST))
                .containsEntry("services__api__http__0", "http://localhost:5001")
                .containsEntry("API_HTTP", "http://localhost:5001");
    }

    @Test
    void projectsBindToLoopbackOnlyWhenConfiguredAndNotExternal() {
        var on = TestApps.builder(Map.of("AppHost__ProjectsBindToLoopback", "true"));
        on.addProject("api", "api");
        on.addProject("web", "web").withExternalHttpEndpoints();
        on.addProject("svc", "svc").withEnvironment("SERVER_ADDRESS", "0.0.0.0");
        AppModel model = on.build().model();
        assertThat(env(model, "api", Map.of(), Network.HOST)).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1").containsEntry("MICRONAUT_SERVER_HOST", "127.0.0.1");
        assertThat(env(model, "web", Map.of(), Network.HOST)).doesNotContainKeys(
                ProjectResourceBuilder.BIND_ADDRESS_VARIABLES.toArray(String[]::new));
        assertThat(env(model, "svc", Map.of(), Network.HOST)).containsEntry("SERVER_ADDRESS", "0.0.0.0");

        var off = TestApps.builder(Map.of());
        off.addProject("api", "api");
        assertThat(env(off.build().model(), "api", Map.of(), Network.HOST)).doesNotContainKeys(
                ProjectResourceBuilder.BIND_ADDRESS_VARIABLES.toArray(String[]::new));
    }

    @Test
    void connectionStringParameterAndParameterValues() {
        var b = TestApps.builder(Map.of());
        var db = b.addConnectionString("db");
        var greeting = b.addParameter("greeting");
        b.addExecutable("client", "true", ".").withReference(db).withEnvironment("GREETING", greeting);
        Map<String, String> env = env(b.build().model(), "client",
                Map.of("ConnectionStrings__db", "Host=x;Db=y", "Parameters__greeting", "hi"), Network.HOST);
        assertThat(env).containsEntry("ConnectionStrings__db", "Host=x;Db=y").containsEntry("GREETING", "hi");
    }

    @Test
    void redisReferenceDependsOnTheConsumersNetwork() {
        var b = TestApps.builder(Map.of());
        var cache = b.addRedis("cache");
        b.addExecutable("client", "true", ".").withReference(cache);
        AppModel model = b.build().model();
        Map<String, String> config = Map.of("Parameters__cache-password", "pw");
        Map<String, String> host = env(model, "client", config, Network.HOST);
        assertThat(host.get("ConnectionStrings__cache")).startsWith("localhost:7000").contains("pw");
        Map<String, String> container = env(model, "client", config, Network.CONTAINER);
        assertThat(container.get("ConnectionStrings__cache")).startsWith("cache:6379");
    }

    @Test
    void missingParameterThrowsAspiresMessage() {
        var b = TestApps.builder(Map.of());
        var secret = b.addParameter("secret", true);
        b.addExecutable("client", "true", ".").withEnvironment("SECRET", secret);
        AppModel model = b.build().model();
        assertThatThrownBy(() -> env(model, "client", Map.of(), Network.HOST))
                .isInstanceOf(MissingValueException.class)
                .hasMessage("Parameter resource could not be used because configuration key 'Parameters:secret' is "
                        + "missing and the Parameter has no default value.");
    }
}
