package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.ResourceLabels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AppHost with a container and a process in its own JVM: SIGKILL or SIGINT, nothing survives. */
@Tag("docker")
class ForkedContainerAppHostTest {

    @TempDir
    Path temp;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private ContainerEngine engine;
    private String appName;
    private Process appHost;

    @BeforeEach
    void engine() {
        engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, EngineTestSupport.BUSYBOX);
        appName = "fork-" + EngineTestSupport.randomSuffix();
    }

    @AfterEach
    void cleanUp() {
        if (appHost != null) {
            appHost.destroyForcibly();
        }
        if (engine != null) {
            engine.removeAll(Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName));
            engine.close();
        }
    }

    private void fork() throws Exception {
        Path dir = Files.createDirectories(temp.resolve(appName));
        appHost = new ProcessBuilder(ProcessExecutor.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                ForkedContainerAppHost.class.getName(), dir.toString(), "--AppHost:ShutdownTimeout=3")
                .redirectErrorStream(true).start();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(appHost.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // gone
            }
        });
    }

    private List<ProcessHandle> childPids() {
        ContainerRunTest.waitUntil(() -> output.stream().anyMatch(l -> l.startsWith("CHILD-PIDS ")),
                java.time.Duration.ofSeconds(90));
        String line = output.stream().filter(l -> l.startsWith("CHILD-PIDS ")).findFirst()
                .orElseThrow(() -> new AssertionError("no CHILD-PIDS line; output: " + output));
        List<ProcessHandle> result = new ArrayList<>();
        Arrays.stream(line.substring(11).trim().split(" ")).map(Long::parseLong)
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(result::add));
        return result;
    }

    private String session() {
        List<ManagedContainer> containers = engine.listContainers(Map.of(ResourceLabels.APP, appName));
        assertThat(containers).as("the forked AppHost's containers; output: %s", output).hasSize(2);
        return containers.get(0).labels().get(ResourceLabels.SESSION);
    }

    private boolean nothingLeft(String session, List<ProcessHandle> children) {
        return engine.listContainers(ResourceLabels.sessionFilter(session)).isEmpty()
                && engine.listNetworks(ResourceLabels.sessionFilter(session)).isEmpty()
                && children.stream().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void sigkillLeavesNoContainerNetworkOrProcessWithinTenSeconds() throws Exception {
        fork();
        List<ProcessHandle> children = childPids();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
        String session = session();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).hasSize(1);

        appHost.destroyForcibly();
        assertThat(appHost.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long killed = System.nanoTime();
        ContainerRunTest.waitUntil(() -> nothingLeft(session, children), java.time.Duration.ofSeconds(10));
        System.out.printf("cleaned up %d ms after SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).as("containers").isEmpty();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).as("networks").isEmpty();
        assertThat(children).as("processes").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void sigintStopsAndRemovesEverything() throws Exception {
        fork();
        List<ProcessHandle> children = childPids();
        String session = session();
        ContainerRunTest.waitUntil(() -> output.contains(ConsoleReporter.ALL_READY), java.time.Duration.ofSeconds(30));
        new ProcessBuilder("kill", "-" + InterruptSignal.name(), Long.toString(appHost.pid())).start().waitFor();
        assertThat(appHost.waitFor(30, TimeUnit.SECONDS)).as("AppHost exits; output: %s", output).isTrue();
        assertThat(output).contains("[box] Finished", "[sleeper] Finished", "Distributed application stopped.");
        assertThat(nothingLeft(session, children)).as("nothing left right after a normal stop").isTrue();
    }
}
