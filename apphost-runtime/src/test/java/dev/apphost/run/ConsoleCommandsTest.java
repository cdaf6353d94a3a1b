package dev.apphost.run;

import static dev.apphost.run.LifecycleProcessTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.CommandResults;
import dev.apphost.DistributedApplication;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lines typed into a running AppHost's console, against real processes. */
class ConsoleCommandsTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Orchestrator orchestrator;
    private Thread runner;

    @AfterEach
    void stop() throws Exception {
        if (orchestrator != null) {
            orchestrator.stop();
            runner.join(10_000);
        }
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void enterPrintsTheTableAgainAndTypedCommandsRunAsTheDashboardsButtons() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        b.addExecutable("worker", "sleep", ".", "600")
                .withCommand("say-hello", "Say hello", context -> CommandResults.success());
        b.addExecutable("other", "sleep", ".", "600");
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.from(app.configuration()).withShutdownTimeout(Duration.ofSeconds(3))
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(),
                app.appHostDirectory(), null, options);
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard);
        runner = new Thread(() -> orchestrator.run(input, true));
        runner.start();
        waitUntil(() -> output().contains(ConsoleCommands.HINT));
        int tables = count(output(), "  Resource");

        type(keyboard, "");
        waitUntil(() -> count(output(), "  Resource") == tables + 1);

        long pid = orchestrator.snapshot("worker").pid();
        type(keyboard, "restart worker");
        waitUntil(() -> output().contains("[worker] restart: done"));
        orchestrator.notifications().waitForResource("worker", "Running", LifecycleProcessTest.LONG);
        assertThat(orchestrator.snapshot("worker").pid()).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        type(keyboard, "stop other");
        waitUntil(() -> output().contains("[other] stop: done"));
        assertThat(orchestrator.snapshot("other").state()).isEqualTo("Finished");
        type(keyboard, "stop other");
        waitUntil(() -> output().contains("Command 'stop' of resource 'other' cannot run in the resource's current state."));

        type(keyboard, "say-hello worker");
        waitUntil(() -> output().contains("[worker] say-hello: done"));
        type(keyboard, "jump worker");
        waitUntil(() -> output().contains("Resource 'worker' has no command 'jump'. Its commands are: start, stop, restart, say-hello."));
        type(keyboard, "restart nobody");
        waitUntil(() -> output().contains("No resource named 'nobody'"));
        type(keyboard, "help");
        waitUntil(() -> output().contains("    worker: start, stop, restart, say-hello"));
        type(keyboard, "restart");
        waitUntil(() -> output().contains("Cannot read 'restart'"));
        assertThat(orchestrator.snapshot("worker").state()).isEqualTo("Running");
    }

    @Test
    void anInputThatEndsAtOnceChangesNothing() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        b.addExecutable("worker", "sleep", ".", "600");
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.from(app.configuration()).withShutdownTimeout(Duration.ofSeconds(3))
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(),
                app.appHostDirectory(), null, options);
        runner = new Thread(() -> orchestrator.run(java.io.InputStream.nullInputStream(), false));
        runner.start();
        waitUntil(() -> output().contains("Distributed application started."));
        assertThat(output()).doesNotContain(ConsoleCommands.HINT);
        assertThat(orchestrator.snapshot("worker").state()).isEqualTo("Running");
    }

    private static void type(PipedOutputStream keyboard, String line) throws Exception {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }
}
