package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.ManifestExpressions;
import dev.apphost.plan.MissingValueException;
import dev.apphost.plan.Network;
import dev.apphost.plan.ParameterValues;
import dev.apphost.plan.RunValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment of each kind of reference, as pure functions of the model, in both renderings. */
class EnvironmentPlannerTest {

    private static Map<String, String> manifestEnv(DistributedApplication app, String resource) {
        var planner = new EnvironmentPlanner(app.model(), ExecutionContext.publish("manifest"));
        Map<String, String> env = new LinkedHashMap<>();
        planner.environment((ComputeResource) app.model().get(resource))
                .forEach((k, v) -> env.put(k, ManifestExpressions.render(v)));
        return env;
    }

    private static Map<String, String> runEnv(DistributedApplication app, String resource, Network network,
            Map<String, String> config) {
        var planner = new EnvironmentPlanner(app.model(), ExecutionContext.run());
        Configuration configuration = Configuration.of(Map.of(), Map.of(), config, List.of());
        var parameters = new ParameterValues(app.model(), configuration, null);
        Map<String, AllocatedEndpoint> ports = Map.of(
                "cache/tcp", new AllocatedEndpoint("cache", "tcp", "tcp", 62354, 6379, true),
                "apiservice/http", new AllocatedEndpoint("apiservice", "http", "http", 5455, 5455, false),
                "web/http", new AllocatedEndpoint("web", "http", "http", 8080, 8080, false));
        var values = new RunValues(app.model(), parameters::value, (r, e) -> ports.get(r + "/" + e));
        return values.resolveAll(planner.environment((ComputeResource) app.model().get(resource)), network);
    }

    @Test
    void redisReferenceGivesConnectionStringAndConnectionProperties() {
        var builder = TestProjects.builder();
        var cache = builder.addRedis("cache");
        builder.addProject(TestProjects.WebFrontend.class, "web").withReference(cache);
        DistributedApplication app = builder.build();

        assertThat(manifestEnv(app, "web")).containsExactly(
                Map.entry("PORT", "{web.bindings.http.targetPort}"),
                Map.entry("SERVER_PORT", "{web.bindings.http.targetPort}"),
                Map.entry("QUARKUS_HTTP_PORT", "{web.bindings.http.targetPort}"),
                Map.entry("MICRONAUT_SERVER_PORT", "{web.bindings.http.targetPort}"),
                Map.entry("ConnectionStrings__cache", "{cache.connectionString}"),
                Map.entry("CACHE_HOST", "{cache.bindings.tcp.host}"),
                Map.entry("CACHE_PORT", "{cache.bindings.tcp.port}"),
                Map.entry("CACHE_PASSWORD", "{cache-password.value}"),
                Map.entry("CACHE_URI", "redis://:{cache-password-uri-encoded.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}"));

        Map<String, String> run = runEnv(app, "web", Network.HOST, Map.of("Parameters__cache-password", "p@ss word"));
        assertThat(run).containsEntry("ConnectionStrings__cache", "localhost:62354,password=p@ss word")
                .containsEntry("CACHE_HOST", "localhost")
                .containsEntry("CACHE_PORT", "62354")
                .containsEntry("CACHE_URI", "redis://:p%40ss%20word@localhost:62354")
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("OTEL_SERVICE_NAME", "web");
    }

    @Test
    void projectReferenceGivesServiceDiscoveryForEachEndpoint() {
        var builder = TestProjects.builder();
        var api = builder.addProject(TestProjects.ApiService.class, "apiservice").withHttpsEndpoint();
        builder.addExecutable("web", "node", ".", "app.js").withReference(api);
        DistributedApplication app = builder.build();
        assertThat(manifestEnv(app, "web")).containsExactly(
                Map.entry("APISERVICE_HTTP", "{apiservice.bindings.http.url}"),
                Map.entry("APISERVICE_HTTPS", "{apiservice.bindings.https.url}"),
                Map.entry("services__apiservice__http__0", "{apiservice.bindings.http.url}"),
                Map.entry("services__apiservice__https__0", "{apiservice.bindings.https.url}"));
    }

    @Test
    void endpointReferenceGivesThatEndpointOnly() {
        var builder = TestProjects.builder();
        var custom = builder.addContainer("my-app", "image").withHttpEndpoint(9043, null, "endpoint")
                .withHttpEndpoint(null, 81, "admin");
        builder.addExecutable("web", "node", ".").withReference(custom.getEndpoint("endpoint"));
        assertThat(manifestEnv(builder.build(), "web")).containsExactly(
                Map.entry("MY_APP_ENDPOINT", "{my-app.bindings.endpoint.url}"),
                Map.entry("services__my-app__endpoint__0", "{my-app.bindings.endpoint.url}"));
    }

    @Test
    void containerConsumersReachContainersByNameAndHostProcessesThroughTheGateway() {
        var builder = TestProjects.builder();
        var cache = builder.addRedis("cache");
        var api = builder.addProject(TestProjects.ApiService.class, "apiservice");
        builder.addContainer("web", "image").withReference(cache).withReference(api);
        DistributedApplication app = builder.build();
        Map<String, String> env = runEnv(app, "web", Network.CONTAINER, Map.of("Parameters:cache-password", "pw"));
        assertThat(env).containsEntry("ConnectionStrings__cache", "cache:6379,password=pw")
                .containsEntry("services__apiservice__http__0", "http://host.docker.internal:5455")
                .doesNotContainKey("OTEL_SERVICE_NAME");
    }

    @Test
    void withEnvironmentTakesLiteralsParametersEndpointsConnectionStringsAndCallbacks() {
        var builder = TestProjects.builder();
        var cache = builder.addRedis("cache");
        var db = builder.addConnectionString("db");
        var password = builder.addParameter("password", true);
        var api = builder.addProject(TestProjects.ApiService.class, "apiservice");
        builder.addExecutable("web", "node", ".")
                .withEnvironment("LITERAL", "a+b")
                .withEnvironment("PASSWORD", password)
                .withEnvironment("API", api.getEndpoint("http"))
                .withEnvironment("CACHE", cache)
                .withEnvironment("DB", db)
                .withEnvironment("COMPOSED", ReferenceExpression.of("db=", db, ";api=", api.getEndpoint("http")))
                .withEnvironment(context -> {
                    context.environmentVariables().remove("LITERAL");
                    context.environmentVariables().put("MODE", context.executionContext().isRunMode() ? "run" : "publish");
                    context.environmentVariables().put("PW_AGAIN", password);
                })
                .withHttpEndpoint(null, null, "http", "PORT");
        DistributedApplication app = builder.build();
        assertThat(manifestEnv(app, "web")).containsExactly(
                Map.entry("PASSWORD", "{password.value}"),
                Map.entry("API", "{apiservice.bindings.http.url}"),
                Map.entry("CACHE", "{cache.connectionString}"),
                Map.entry("DB", "{db.connectionString}"),
                Map.entry("COMPOSED", "db={db.connectionString};api={apiservice.bindings.http.url}"),
                Map.entry("MODE", "publish"),
                Map.entry("PW_AGAIN", "{password.value}"),
                Map.entry("PORT", "{web.bindings.http.targetPort}"));

        Map<String, String> run = runEnv(app, "web", Network.HOST, Map.of(
                "Parameters__password", "secret", "ConnectionStrings__db", "Host=db", "Parameters__cache-password", "x"));
        assertThat(run).containsEntry("PASSWORD", "secret")
                .containsEntry("API", "http://localhost:5455")
                .containsEntry("CACHE", "localhost:62354,password=x")
                .containsEntry("DB", "Host=db")
                .containsEntry("COMPOSED", "db=Host=db;api=http://localhost:5455")
                .containsEntry("MODE", "run")
                .containsEntry("PORT", "8080");
    }

    @Test
    void missingParametersUseAspiresMessages() {
        var builder = TestProjects.builder();
        builder.addParameter("api-key");
        builder.addConnectionString("db");
        AppModel model = builder.build().model();
        var values = new ParameterValues(model, Configuration.of(Map.of(), Map.of(), Map.of(), List.of()), null);
        assertThatThrownBy(() -> values.value("api-key")).isInstanceOf(MissingValueException.class)
                .hasMessage("Parameter resource could not be used because configuration key 'Parameters:api-key' is "
                        + "missing and the Parameter has no default value.");
        assertThatThrownBy(() -> values.value("db"))
                .hasMessage("Connection string parameter resource could not be used because connection string 'db' is missing.");
    }

    @Test
    void hyphenatedParametersFallBackToUnderscores() {
        var builder = TestProjects.builder();
        builder.addParameter("api-key");
        var values = new ParameterValues(builder.build().model(),
                Configuration.of(Map.of(), Map.of(), Map.of("Parameters__api_key", "k"), List.of()), null);
        assertThat(values.value("api-key")).isEqualTo("k");
    }

    @Test
    void generatedPasswordsFollowTheirSpecAndAreKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var builder = TestProjects.builder();
        builder.addRedis("cache");
        AppModel model = builder.build().model();
        UserSecrets secrets = new UserSecrets(dir.resolve("s.properties"));
        var first = new ParameterValues(model, Configuration.of(Map.of(), secrets.read(), Map.of(), List.of()), secrets);
        String password = first.value("cache-password");
        assertThat(password).hasSize(22).matches("[A-Za-z0-9]+");
        var second = new ParameterValues(model, Configuration.of(Map.of(), secrets.read(), Map.of(), List.of()), secrets);
        assertThat(second.value("cache-password")).isEqualTo(password);
    }

    @Test
    void variableNamesAreEncodedAsAspire131Does() {
        assertThat(EnvironmentPlanner.encodeVariableName("my-app.v2")).isEqualTo("my_app_v2");
        assertThat(EnvironmentPlanner.encodeVariableName("1st")).isEqualTo("_1st");
    }
}
