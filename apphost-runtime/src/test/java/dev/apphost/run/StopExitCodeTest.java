package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.launch.RunOutcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit code of an AppHost JVM stopped with Ctrl+C (SIGINT, or SIGTERM where SIGINT is ignored). */
class StopExitCodeTest {

    @TempDir
    Path appHostDirectory;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process appHost;

    @AfterEach
    void kill() {
        if (appHost != null) {
            appHost.destroyForcibly();
        }
    }

    private int runAndInterrupt(boolean withFailure, String waitForLine) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessExecutor.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), ForkedFailingAppHost.class.getName(),
                appHostDirectory.toString()));
        if (withFailure) {
            command.add("--with-failure");
        }
        appHost = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(appHost.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // gone
            }
        });
        OrchestratorTest.waitFor(() -> output.stream().anyMatch(l -> l.contains(waitForLine)));
        assertThat(output).as("output").anyMatch(l -> l.contains(waitForLine));
        new ProcessBuilder("kill", "-" + InterruptSignal.name(), Long.toString(appHost.pid())).start().waitFor();
        assertThat(appHost.waitFor(30, TimeUnit.SECONDS)).as("AppHost exits; output: %s", output).isTrue();
        return appHost.exitValue();
    }

    @Test
    void ctrlCAfterAResourceFailedExitsWithThreeAndNamesIt() throws Exception {
        int exitCode = runAndInterrupt(true, "apphost: resources failed: broken");
        assertThat(exitCode).as("output: %s", output).isEqualTo(RunOutcome.STOPPED_AFTER_FAILURES);
        assertThat(output).contains("Distributed application stopped.");
        assertThat(RunOutcome.read(appHostDirectory)).containsExactly(
                new RunOutcome.Failure("broken", "Exited with code 7"));
    }

    @Test
    void ctrlCOfAHealthyRunIsANormalStop() throws Exception {
        int exitCode = runAndInterrupt(false, ConsoleReporter.ALL_READY);
        assertThat(exitCode).as("output: %s", output).isIn(0, 130, 143);
        assertThat(RunOutcome.read(appHostDirectory)).isEmpty();
    }
}
