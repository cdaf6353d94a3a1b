package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An AppHost in its own JVM, stopped with SIGINT or killed with SIGKILL: nothing it started survives. */
class ForkedAppHostTest {

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<Process> forked = new CopyOnWriteArrayList<>();

    /** A failed test must not leave its AppHost (and, through it, its children) running. */
    @org.junit.jupiter.api.AfterEach
    void killForkedAppHosts() {
        forked.forEach(Process::destroyForcibly);
    }

    private Process fork() throws Exception {
        return fork(false);
    }

    /** @param ownSession start the AppHost as the Maven plugin does: through setsid, leading its own session */
    private Process fork(boolean ownSession) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessExecutor.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), ForkedAppHost.class.getName(), "--AppHost:ShutdownTimeout=3"));
        if (ownSession) {
            command.add(0, ProcessExecutor.SETSID);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        forked.add(p);
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // gone
            }
        });
        return p;
    }

    private List<ProcessHandle> childPids() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (String line : output) {
                if (line.startsWith("CHILD-PIDS ")) {
                    List<ProcessHandle> result = new ArrayList<>();
                    Arrays.stream(line.substring(11).trim().split(" ")).map(Long::parseLong)
                            .forEach(pid -> ProcessHandle.of(pid).ifPresent(result::add));
                    return result;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no CHILD-PIDS line; output: " + output);
    }

    @Test
    void sigintStopsEverythingInOrder() throws Exception {
        Process appHost = fork();
        List<ProcessHandle> children = childPids();
        assertThat(children).hasSizeGreaterThanOrEqualTo(4);
        assertThat(children).allMatch(ProcessHandle::isAlive);
        OrchestratorTest.waitFor(() -> output.contains(ConsoleReporter.ALL_READY));
        new ProcessBuilder("kill", "-" + InterruptSignal.name(), Long.toString(appHost.pid())).start().waitFor();
        assertThat(appHost.waitFor(30, TimeUnit.SECONDS)).as("AppHost exits; output: %s", output).isTrue();
        OrchestratorTest.waitFor(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(output).contains(ConsoleReporter.ALL_READY, "Distributed application stopped.",
                "[tree] Finished", "[sleeper] Finished");
        assertThat(output.indexOf("[tree] Stopping")).isLessThan(output.indexOf("[sleeper] Stopping"));
    }

    @Test
    void anAppHostLeadingItsSessionSigkillStillLeavesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessExecutor.SETSID != null, "needs setsid");
        Process appHost = fork(true);
        List<ProcessHandle> children = childPids();
        assertThat(children).hasSizeGreaterThanOrEqualTo(4).allMatch(ProcessHandle::isAlive);
        if (PosixSpawn.AVAILABLE) {
            assertThat(children).noneMatch(c -> dev.apphost.watchdog.ProcStat.processGroup(c.pid()) == appHost.pid());
        } else {
            assertThat(children).allMatch(c -> dev.apphost.watchdog.ProcStat.processGroup(c.pid()) == appHost.pid(),
                    "without posix_spawn, children share the AppHost's group");
        }
        appHost.destroyForcibly();
        assertThat(appHost.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.currentTimeMillis() + 10_000;
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(children).as("output: %s", output).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void sigkillLeavesNothingBehindWithinTenSeconds() throws Exception {
        Process appHost = fork();
        List<ProcessHandle> children = childPids();
        assertThat(children).hasSizeGreaterThanOrEqualTo(4).allMatch(ProcessHandle::isAlive);
        appHost.destroyForcibly();
        assertThat(appHost.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.currentTimeMillis() + 10_000;
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(children).as("children alive 10 s after SIGKILL of the AppHost").noneMatch(ProcessHandle::isAlive);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
