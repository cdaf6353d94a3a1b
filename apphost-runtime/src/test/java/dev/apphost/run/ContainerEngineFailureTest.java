package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.ResourceSnapshot;
import dev.apphost.TestApps;
import dev.apphost.containers.HungEngine;
import dev.apphost.containers.UnsupportedContainerRuntimeArgException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container resources when there is no usable engine, and runtime-arg validation: none of this
 * needs an engine. The engine is chosen through configuration ({@code DOCKER_HOST} as a config
 * key), never by changing this JVM's environment.
 */
class ContainerEngineFailureTest {

    @TempDir
    Path temp;

    @Test
    void anUnreachableEngineFailsEveryContainerFastWhileProcessesRun() {
        var b = TestApps.builder(temp, Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
        b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http");
        b.addRedis("cache");
        b.addExecutable("sleeper", "sleep", ".", "300");
        long started = System.nanoTime();
        try (DistributedApplication app = b.build()) {
            app.start();
            long millis = (System.nanoTime() - started) / 1_000_000;
            for (String container : List.of("web", "cache")) {
                ResourceSnapshot s = app.resourceSnapshot(container);
                assertThat(s.state()).isEqualTo("FailedToStart");
                assertThat(s.message()).contains("'" + container + "'").contains("No container engine is reachable")
                        .contains("unix:///nonexistent/docker.sock").contains("DOCKER_HOST").contains("To fix");
            }
            assertThat(app.resourceSnapshot("sleeper").state()).isEqualTo("Running");
            assertThat(millis).as("start() took %d ms", millis).isLessThan(5000);
        }
    }

    @Test
    void aHungEngineFailsContainersWithinFiveSecondsWhileProcessesRun() throws Exception {
        Path socket = temp.resolve("hung.sock");
        try (HungEngine hung = HungEngine.listen(socket)) {
            var b = TestApps.builder(temp, Map.of("DOCKER_HOST", hung.dockerHost()));
            b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http");
            b.addExecutable("sleeper", "sleep", ".", "300");
            long started = System.nanoTime();
            try (DistributedApplication app = b.build()) {
                app.start();
                long millis = (System.nanoTime() - started) / 1_000_000;
                ResourceSnapshot web = app.resourceSnapshot("web");
                assertThat(web.state()).isEqualTo("FailedToStart");
                assertThat(web.message()).contains("did not answer").contains(socket.toString()).contains("To fix");
                assertThat(app.resourceSnapshot("sleeper").state()).isEqualTo("Running");
                assertThat(millis).as("start() took %d ms", millis).isLessThan(5000);
            }
        }
    }

    @Test
    void anUnsupportedRuntimeArgThrowsAtTheCall() {
        var b = TestApps.builder(temp, Map.of());
        var web = b.addContainer("web", "local/httpd", "1");
        assertThatThrownBy(() -> web.withContainerRuntimeArgs("--network=host"))
                .isInstanceOf(UnsupportedContainerRuntimeArgException.class)
                .hasMessageContaining("--network").hasMessageContaining("--memory").hasMessageContaining("--gpus");
        assertThatCode(() -> web.withContainerRuntimeArgs("--gpus=all")).doesNotThrowAnyException();
        assertThatCode(() -> web.withContainerRuntimeArgs("--memory", "512m")).doesNotThrowAnyException();
        assertThat(b.build().model().get("web")).isInstanceOfSatisfying(dev.apphost.model.ContainerResource.class,
                c -> assertThat(c.runtimeArgs()).containsExactly("--gpus=all", "--memory", "512m"));
    }

    @Test
    void theEngineVariablesComeFromConfiguration() {
        var config = dev.apphost.Configuration.of(Map.of(), Map.of(), Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"),
                List.of("--APPHOST_CONTAINER_RUNTIME=docker"));
        RunOptions options = RunOptions.from(config);
        assertThat(options.containerEngineEnvironment()).containsEntry("DOCKER_HOST", "tcp://127.0.0.1:1")
                .containsEntry("APPHOST_CONTAINER_RUNTIME", "docker");
        assertThat(options.effectiveContainerEngineEnvironment()).containsEntry("DOCKER_HOST", "tcp://127.0.0.1:1");
    }
}
