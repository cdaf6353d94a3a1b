package dev.apphost.publish.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.TestApps;
import dev.apphost.publish.deploy.DeploymentException;
import dev.apphost.publish.deploy.Golden;
import dev.apphost.publish.deploy.DeploymentInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerComposePublisherTest {

    @TempDir
    Path root;

    private Path publishSample() {
        Path output = root.resolve("apphost/target/apphost/docker-compose");
        var builder = DeployTestApps.sample(root, "docker-compose", output);
        builder.addDockerComposeEnvironment("compose")
                .configureComposeFile(file -> file.put("x-generated-by", "apphost"));
        builder.build().run();
        return output;
    }

    @Test
    void composeFileMatchesTheGoldenFile() throws IOException {
        Path output = publishSample();
        Golden.assertMatches(output.resolve("docker-compose.yaml"), Path.of("src/test/resources/deploy/docker-compose.yaml"));
    }

    @Test
    void envFileHoldsParametersAndImagesButNoSecretInClear() throws IOException {
        Path output = publishSample();
        Map<String, String> env = EnvFile.read(output.resolve(".env"));
        assertThat(env.keySet()).containsExactly("CACHE_PASSWORD", "API_KEY", "GREETING", "APISERVICE_IMAGE",
                "WEBFRONTEND_IMAGE");
        assertThat(env.get("CACHE_PASSWORD")).matches("[A-Za-z0-9]{22,}");
        assertThat(env.get("API_KEY")).isEmpty();
        assertThat(env.get("GREETING")).isEqualTo("hello $USER");
        assertThat(env.get("APISERVICE_IMAGE")).isEqualTo("apiservice:latest");
    }

    @Test
    void republishingKeepsValuesFromTheExistingEnvFile() throws IOException {
        Path output = publishSample();
        Path envFile = output.resolve(".env");
        String password = EnvFile.read(envFile).get("CACHE_PASSWORD");
        Files.writeString(envFile, Files.readString(envFile).replace("API_KEY=", "API_KEY=s3cret"));
        publishSample();
        Map<String, String> env = EnvFile.read(envFile);
        assertThat(env.get("CACHE_PASSWORD")).isEqualTo(password);
        assertThat(env.get("API_KEY")).isEqualTo("s3cret");
    }

    @Test
    void projectsToBuildAreHandedOver() throws IOException {
        Path output = publishSample();
        DeploymentInfo info = DeploymentInfo.read(output);
        assertThat(info.deploymentName()).isEqualTo("compose");
        assertThat(info.projects()).extracting(DeploymentInfo.Project::resource).containsExactly("apiservice", "webfrontend");
        assertThat(info.projects().get(0).pom()).isEqualTo(root.resolve("apiservice/pom.xml").toAbsolutePath());
        assertThat(info.projects().get(0).imageVariable()).isEqualTo("APISERVICE_IMAGE");
        assertThat(info.externalEndpoints()).containsExactly(
                new DeploymentInfo.ExternalEndpoint("web", "http", "http", 80),
                new DeploymentInfo.ExternalEndpoint("webfrontend", "http", "http", 8080));
    }

    @Test
    void excludedExecutableIsLeftOutWithAWarning() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            publishSample();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("warning: resource 'worker' is excluded from the manifest; it is left out of the docker-compose output.");
    }

    @Test
    void anExecutableCannotBeDeployed() {
        var builder = TestApps.builder(root, Map.of(), "--publisher", "docker-compose", "--output-path", "out");
        builder.addDockerComposeEnvironment("compose");
        builder.addExecutable("worker", "python3", ".", "worker.py");
        assertThatThrownBy(() -> builder.build().run())
                .isInstanceOf(DeploymentException.class)
                .hasMessage("Resource 'worker' is an executable, which docker-compose cannot run: run it in a container "
                        + "(addContainer) or call excludeFromManifest() on it to leave it out of the deployment.");
    }

    @Test
    void withoutAComposeEnvironmentThePublisherSaysWhatToAdd() {
        var builder = TestApps.builder(root, Map.of(), "--publisher", "docker-compose", "--output-path", "out");
        builder.addRedis("cache");
        assertThatThrownBy(() -> builder.build().run())
                .isInstanceOf(DeploymentException.class)
                .hasMessage("--publisher docker-compose needs a compute environment of that kind in the model: add "
                        + "builder.addDockerComposeEnvironment(\"compose\") to the AppHost.");
    }

    @Test
    void environmentNamesShareTheResourceNameSpace() {
        var builder = TestApps.builder(root, Map.of());
        builder.addDockerComposeEnvironment("compose");
        assertThatThrownBy(() -> builder.addRedis("Compose"))
                .hasMessageContaining("because the docker-compose environment 'compose' has that name");
    }

    /** docker-compose itself reads the file back: the schema, the interpolation from .env, the depends_on graph. */
    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(commandAvailable("docker-compose"), "docker-compose is not installed (scripts/setup-deploy.sh installs it)");
        Path output = publishSample();
        Files.writeString(output.resolve(".env"), Files.readString(output.resolve(".env")).replace("API_KEY=", "API_KEY=k"));
        Process process = new ProcessBuilder("docker-compose", "-p", "compose", "-f", "docker-compose.yaml", "config")
                .directory(output.toFile()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("API_KEY: k").contains("GREETING: hello $$USER")
                .contains("condition: service_healthy");
    }

    /** The Swarm variant: docker's own stack loader reads it (client side, no swarm needed). */
    @Test
    void dockerStackAcceptsTheSwarmVariant() throws Exception {
        Assumptions.assumeTrue(commandAvailable("docker"), "no docker CLI");
        Path output = publishSample();
        String stack = Files.readString(output.resolve(DockerComposePublisher.STACK_FILE));
        assertThat(stack).contains("    depends_on:\n      - cache\n      - apiservice\n").doesNotContain("condition:")
                .contains("    ports:\n      - target: 80\n        published: 8088\n        protocol: tcp\n        mode: host\n")
                .contains("    deploy:\n      endpoint_mode: dnsrr\n");
        ProcessBuilder builder = new ProcessBuilder("docker", "stack", "config", "-c", DockerComposePublisher.STACK_FILE)
                .directory(output.toFile()).redirectErrorStream(true);
        EnvFile.read(output.resolve(".env")).forEach(builder.environment()::put);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeFalse(text.contains("unknown command"), "this docker CLI has no 'stack config'");
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("image: webfrontend:latest").contains("GREETING: hello $USER");
    }

    static boolean commandAvailable(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
