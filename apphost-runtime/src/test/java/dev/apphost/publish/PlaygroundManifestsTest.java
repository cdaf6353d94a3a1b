package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.ProjectResourceBuilder;
import dev.apphost.ReferenceExpression;
import dev.apphost.ValueSource;
import dev.apphost.model.ValueExpression.EndpointProperty;
import dev.apphost.model.ValueExpression.Property;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds in Java what our model supports of the playground AppHosts whose manifests Aspire checks
 * in ({@code ../shared/aspire/examples/*_playground_*.json}) and compares with the real files. Each
 * test names the .NET-only parts it takes out of the expected file before comparing byte for byte.
 */
class PlaygroundManifestsTest {

    private static final ExecutionContext PUBLISH = ExecutionContext.publish("manifest");

    @TempDir
    Path temp;

    private static DistributedApplicationBuilder publishBuilder() {
        return DistributedApplication.createBuilder("--publisher", "manifest");
    }

    /** The env a Java project gets in publish mode, in order, before anything the AppHost adds. */
    private static ObjectNode javaProjectEnv(String project) {
        ObjectNode env = ManifestTestSupport.MAPPER.createObjectNode();
        for (String variable : ProjectResourceBuilder.PORT_VARIABLES) {
            env.put(variable, "{" + project + ".bindings.http.targetPort}");
        }
        return env;
    }

    /**
     * {@code v9.5.2_playground_ParameterEndToEnd}: every resource matches byte for byte except the
     * project {@code api}: its {@code path} is a pom.xml (not a .csproj) and its env starts with the
     * Java port variables instead of .NET's {@code OTEL_DOTNET_*}, {@code ASPNETCORE_FORWARDEDHEADERS_ENABLED}
     * and {@code HTTP_PORTS}; the AppHost's own variables follow in the same order. {@code sql} is
     * SQL Server {@code PublishAsConnectionString()} in .NET, which writes exactly what
     * {@code addConnectionString("sql")} writes.
     */
    @Test
    void parameterEndToEnd() {
        ObjectNode expected = (ObjectNode) ManifestTestSupport.parse(
                ManifestTestSupport.example("v9.5.2_playground_ParameterEndToEnd_aspire-manifest.json"));
        var builder = publishBuilder();
        var sql = builder.addConnectionString("sql");
        var db = builder.addConnectionString("db", ReferenceExpression.of(sql, ";Initial Catalog=db"));
        var insertionRows = builder.addParameter("insertionrows");
        ValueSource sqlEndpoint = () -> new EndpointProperty("sql", "tcp", Property.URL);
        var cs = builder.addConnectionString("cs", ReferenceExpression.of("sql=", sqlEndpoint, ";rows=", insertionRows));
        builder.addConnectionString("parameterFromConnectionStringConfig");
        builder.addParameter("throwing");
        builder.addConnectionString("parameterFromConnectionStringConfigMissing");
        builder.addParameter("markdownDescription");
        builder.addParameter("customInput");
        builder.addProject("api", temp.resolve("ParameterEndToEnd.ApiService").toString())
                .withHttpsEndpoint()
                .withExternalHttpEndpoints()
                .withEnvironment("InsertionRows", insertionRows)
                .withReference(cs)
                .withReference(db);
        String actual = new ManifestWriter().write(builder.build().model(), PUBLISH,
                temp.resolve("ParameterEndToEnd.AppHost"));

        ObjectNode api = ManifestTestSupport.resource(expected, "api");
        api.put("path", "../ParameterEndToEnd.ApiService/pom.xml");
        ObjectNode env = javaProjectEnv("api");
        copyEntries(api.path("env"), env, List.of("InsertionRows", "ConnectionStrings__"));
        api.set("env", env);
        assertThat(actual).isEqualTo(ManifestTestSupport.render(expected));
        ManifestTestSupport.assertValidManifest(actual);
    }

    /**
     * {@code v13.1.3_playground_Redis}: the whole manifest for what we model. Left out of the
     * expected file: {@code garnet} and {@code valkey} (and their passwords), which we do not model;
     * Redis's {@code WithDataVolume()} (its {@code volumes} entry and {@code --save 60 1}); on the
     * project, the .NET env and the garnet/valkey variables (kept: {@code ConnectionStrings__redis} and
     * {@code REDIS_HOST/PORT/PASSWORD/URI}, byte for byte) and the csproj path.
     */
    @Test
    void redis13() {
        ObjectNode expected = (ObjectNode) ManifestTestSupport.parse(
                ManifestTestSupport.example("v13.1.3_playground_Redis_aspire-manifest.json"));
        String actual = redisPlayground();

        ObjectNode resources = (ObjectNode) expected.get("resources");
        resources.remove(List.of("garnet", "valkey", "garnet-password", "garnet-password-uri-encoded",
                "valkey-password", "valkey-password-uri-encoded"));
        withoutDataVolume(ManifestTestSupport.resource(expected, "redis"));
        ObjectNode api = ManifestTestSupport.resource(expected, "apiservice");
        api.put("path", "../Redis.ApiService/pom.xml");
        ObjectNode env = javaProjectEnv("apiservice");
        copyEntries(api.path("env"), env, List.of("ConnectionStrings__redis", "REDIS_"));
        api.set("env", env);
        assertThat(actual).isEqualTo(ManifestTestSupport.render(expected));
        ManifestTestSupport.assertValidManifest(actual);
    }

    /**
     * {@code v9.5.2_playground_Redis}: {@code redis} (without {@code WithDataVolume()}) and
     * {@code redis-password} match byte for byte, as do the project's bindings and
     * {@code ConnectionStrings__redis}. Our model is 13.1-shaped, so the project also gets the 13.0
     * connection properties {@code REDIS_*} and the manifest the {@code redis-password-uri-encoded}
     * entry, which 9.5 does not write.
     */
    @Test
    void redis95() {
        JsonNode expected = ManifestTestSupport.parse(
                ManifestTestSupport.example("v9.5.2_playground_Redis_aspire-manifest.json"));
        JsonNode actual = ManifestTestSupport.assertValidManifest(redisPlayground());

        ObjectNode redis = ManifestTestSupport.resource(expected, "redis");
        withoutDataVolume(redis);
        assertSameResource(actual, expected, "redis");
        assertSameResource(actual, expected, "redis-password");
        assertThat(ManifestTestSupport.render(actual.at("/resources/apiservice/bindings")))
                .isEqualTo(ManifestTestSupport.render(expected.at("/resources/apiservice/bindings")));
        assertThat(actual.at("/resources/apiservice/env/ConnectionStrings__redis"))
                .isEqualTo(expected.at("/resources/apiservice/env/ConnectionStrings__redis"));
        assertThat(names(actual)).containsExactly("redis", "apiservice", "redis-password", "redis-password-uri-encoded");
    }

    /**
     * {@code main_playground_Redis} is newer than our target (no {@code $schema}, endpoint scheme
     * {@code redis}, a TLS conditional {@code value.v0}, Redis 8.6): only the password parameter and
     * its {@code annotated.string} are compared.
     */
    @Test
    void redisMainParameters() {
        JsonNode expected = ManifestTestSupport.parse(
                ManifestTestSupport.example("main_playground_Redis_aspire-manifest.json"));
        JsonNode actual = ManifestTestSupport.parse(redisPlayground());
        assertSameResource(actual, expected, "redis-password");
        assertSameResource(actual, expected, "redis-password-uri-encoded");
    }

    /**
     * {@code v9.5.2_playground_withdockerfile}: the parameters {@code goversion} (a value but no
     * {@code publishValueAsDefault}, so no default) and {@code secret} match byte for byte; the
     * {@code docker-compose} environment and the Dockerfile-built {@code container.v1} are not modelled.
     */
    @Test
    void withDockerfileParameters() {
        JsonNode expected = ManifestTestSupport.parse(
                ManifestTestSupport.example("v9.5.2_playground_withdockerfile_aspire-manifest.json"));
        var builder = publishBuilder();
        builder.addParameter("goversion", "1.22");
        builder.addParameter("secret", true);
        JsonNode actual = ManifestTestSupport.assertValidManifest(
                new ManifestWriter().write(builder.build().model(), PUBLISH, temp));
        assertSameResource(actual, expected, "goversion");
        assertSameResource(actual, expected, "secret");
    }

    private String redisPlayground() {
        var builder = publishBuilder();
        var redis = builder.addRedis("redis");
        builder.addContainer("commander", "rediscommander/redis-commander").withReference(redis).excludeFromManifest();
        builder.addProject("apiservice", temp.resolve("Redis.ApiService").toString())
                .withHttpsEndpoint()
                .withExternalHttpEndpoints()
                .withReference(redis)
                .waitFor(redis);
        return new ManifestWriter().write(builder.build().model(), PUBLISH, temp.resolve("Redis.AppHost"));
    }

    /** .NET-only here: {@code WithDataVolume()} adds a volume and {@code --save 60 1}. */
    private static void withoutDataVolume(ObjectNode redis) {
        redis.remove("volumes");
        ArrayNode args = (ArrayNode) redis.get("args");
        args.set(1, args.get(1).textValue().replace(" --save 60 1", ""));
    }

    private static void copyEntries(JsonNode from, ObjectNode to, List<String> prefixes) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (prefixes.stream().anyMatch(field.getKey()::startsWith)) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void assertSameResource(JsonNode actual, JsonNode expected, String name) {
        assertThat(ManifestTestSupport.render(ManifestTestSupport.resource(actual, name)))
                .as("resource %s", name)
                .isEqualTo(ManifestTestSupport.render(ManifestTestSupport.resource(expected, name)));
    }

    private static List<String> names(JsonNode manifest) {
        return iterable(manifest.get("resources").fieldNames());
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
