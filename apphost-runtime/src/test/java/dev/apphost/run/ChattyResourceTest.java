package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: a resource flooding its output next to a quiet one, through the whole output path. */
class ChattyResourceTest {

    @TempDir
    Path dir;

    /**
     * A console that counts the chatty resource's lines and keeps every other line, with the number
     * of chatty lines written before it. Each write costs a little, like a terminal.
     */
    static final class Console extends OutputStream {
        private final byte[] line = new byte[256];
        private int length;
        private long chatty;
        private final List<String> others = new ArrayList<>();
        private final List<Long> chattyBefore = new ArrayList<>();
        private long firstChattyAfterOthers = -1;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = new String(line, 0, length, StandardCharsets.UTF_8);
                if (text.startsWith("chatty | ")) {
                    if (chatty++ == 0) {
                        firstChattyAfterOthers = others.size();
                    }
                } else {
                    others.add(text);
                    chattyBefore.add(chatty);
                }
                length = 0;
            } else if (length < line.length) {
                line[length++] = (byte) b;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized long chatty() {
            return chatty;
        }

        synchronized List<String> others() {
            return List.copyOf(others);
        }

        synchronized long chattyBefore(String other) {
            return chattyBefore.get(others.indexOf(other));
        }

        synchronized List<String> othersBeforeFirstChattyLine() {
            return List.copyOf(others.subList(0, (int) firstChattyAfterOthers));
        }
    }

    @Test
    void aQuietResourcesLineIsPrintedWhileAChattyOneFloodsAndAfterItsRunningLine() throws Exception {
        Path flooding = dir.resolve("flooding");
        var b = TestApps.builder(dir, Map.of());
        // the chatty one floods without end; the quiet one speaks once the flood is under way
        b.addExecutable("chatty", "sh", ".", "-c", "seq 1 100000; touch \"$0\"; exec seq 1 1000000000",
                flooding.toString());
        b.addExecutable("quiet", "sh", ".", "-c",
                "while [ ! -f \"$0\" ]; do sleep 0.05; done; echo 'hello from quiet'; exec sleep 600",
                flooding.toString());
        DistributedApplication app = b.build();
        Console sink = new Console();
        RunOptions options = RunOptions.defaults().withConsole(new PrintStream(sink, false, StandardCharsets.UTF_8), false)
                .withReaper(() -> ProcessReaper.NONE).withShutdownTimeout(Duration.ofSeconds(5));
        Orchestrator o = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), dir, null, options);
        try {
            o.start();
            await(() -> sink.others().contains("quiet | hello from quiet"));
            long atQuiet = sink.chattyBefore("quiet | hello from quiet");
            // the flood goes on after the quiet line: it was not queued behind the chatty resource's output
            assertThat(o.snapshot("chatty").state()).isEqualTo("Running");
            await(() -> sink.chatty() > atQuiet + 100_000);
            assertThat(o.snapshot("chatty").state()).isEqualTo("Running");
            assertThat(o.lines("chatty")).hasSize(RunOptions.defaults().logBufferLines());
            assertThat(o.lines("quiet")).extracting(LogLine::text).containsExactly("hello from quiet");
        } finally {
            o.stop();
        }
        List<String> others = sink.others();
        assertThat(others.indexOf("[quiet] Running")).isLessThan(others.indexOf("quiet | hello from quiet"));
        assertThat(sink.othersBeforeFirstChattyLine()).contains("[chatty] Running");
        assertThat(Files.readString(dir.resolve("target/apphost/logs/quiet.log"))).matches("\\S+Z out hello from quiet\\R");
        try (var lines = Files.lines(dir.resolve("target/apphost/logs/chatty.log"))) {
            assertThat(lines.limit(3)).allSatisfy(l -> assertThat(l).matches("\\S+Z out \\d+"));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("reached within a minute").isTrue();
    }
}
