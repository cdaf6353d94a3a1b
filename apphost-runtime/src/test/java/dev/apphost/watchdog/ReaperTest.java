package dev.apphost.watchdog;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ResourceLabels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Forks an "app host" JVM, SIGKILLs it, and checks that the reaper cleans up after it. */
class ReaperTest {

    /** Starts ReaperTestMain and returns it with the pids it printed: reaper, child, child's descendants. */
    static Forked fork(String session, String mode) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, ReaperTestMain.class.getName(), session, mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        assertThat(ready).as("the forked app host printed READY").isNotNull();
        long[] pids = Arrays.stream(ready.split(" ")).skip(1).mapToLong(Long::parseLong).toArray();
        return new Forked(jvm, pids[0], Arrays.stream(pids).skip(1).boxed().toList());
    }

    record Forked(Process jvm, long reaperPid, List<Long> processTree) {
    }

    static boolean allDead(List<Long> pids) {
        return pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void killsTheWatchedProcessTreeWhenTheAppHostIsKilled() throws Exception {
        Forked forked = fork("proc-" + EngineTestSupport.randomSuffix(), "processes-only");
        assertThat(forked.processTree()).hasSizeGreaterThanOrEqualTo(2);
        forked.jvm().destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!allDead(forked.processTree()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(allDead(forked.processTree())).as("child process tree %s gone", forked.processTree()).isTrue();
        assertThat(ProcessHandle.of(forked.reaperPid()).map(p -> p.onExit().join()).isPresent()).isTrue();
    }

    @Test
    @Tag("docker")
    void removesContainersNetworksAndProcessesWhenTheAppHostIsKilled() throws Exception {
        ContainerEngine engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, EngineTestSupport.BUSYBOX);
        String session = "reaper-" + EngineTestSupport.randomSuffix();
        try {
            Forked forked = fork(session, "containers");
            assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).hasSize(2);
            assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).hasSize(1);

            forked.jvm().destroyForcibly().waitFor();
            long killed = System.nanoTime();
            long deadline = killed + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !(engine.listContainers(ResourceLabels.sessionFilter(session)).isEmpty()
                    && engine.listNetworks(ResourceLabels.sessionFilter(session)).isEmpty()
                    && allDead(forked.processTree()))) {
                Thread.sleep(100);
            }
            System.out.printf("reaper cleaned up %d ms after SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);
            assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).isEmpty();
            assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).isEmpty();
            assertThat(allDead(forked.processTree())).isTrue();
        } finally {
            engine.removeAll(ResourceLabels.sessionFilter(session));
            engine.close();
        }
    }
}
