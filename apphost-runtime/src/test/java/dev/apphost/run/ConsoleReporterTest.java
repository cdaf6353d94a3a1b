package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The console batches resource output and keeps every resource's lines, in order. */
class ConsoleReporterTest {

    /** Records what is written; each flush costs {@code flushMillis}, like a slow terminal. */
    static final class SlowSink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger flushes = new AtomicInteger();
        final long flushMillis;

        SlowSink(long flushMillis) {
            this.flushMillis = flushMillis;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
            try {
                Thread.sleep(flushMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized List<String> lines() {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void aChattyResourceIsWrittenInBatchesNotAFlushPerLine() {
        SlowSink sink = new SlowSink(1);
        ConsoleReporter console = new ConsoleReporter(new PrintStream(sink, false, StandardCharsets.UTF_8), false);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            console.log("chatty", LogLine.Stream.STDOUT, "line " + i);
        }
        console.flush();
        List<String> lines = sink.lines();
        assertThat(lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(lines.get(i)).isEqualTo("chatty | line " + i);
        }
        assertThat(sink.flushes.get()).as("flushes for %d lines", n).isLessThan(n / 20);
    }

    @Test
    void aQuietResourceIsNotQueuedBehindAChattyOne() throws Exception {
        SlowSink sink = new SlowSink(5);
        ConsoleReporter console = new ConsoleReporter(new PrintStream(sink, false, StandardCharsets.UTF_8), false);
        CountDownLatch flooding = new CountDownLatch(1);
        AtomicInteger logged = new AtomicInteger();
        Thread chatty = new Thread(() -> {
            for (int i = 0; i < 400_000; i++) {
                console.log("chatty", LogLine.Stream.STDOUT, "line " + i);
                logged.incrementAndGet();
                if (i == 50_000) {
                    flooding.countDown();
                }
            }
        });
        chatty.start();
        flooding.await();
        console.log("quiet", LogLine.Stream.STDOUT, "hello");
        int chattyBefore = logged.get(); // read after: an upper bound of what was logged before the quiet line
        chatty.join();
        console.flush();
        List<String> lines = sink.lines();
        int quietAt = lines.indexOf("quiet | hello");
        assertThat(quietAt).isPositive();
        // at most what the chatty resource had buffered, plus one batch, comes before the quiet line
        int batchLines = ConsoleReporter.MAX_PENDING_BYTES / "chatty | line 100000".length() + 1;
        assertThat(quietAt).isLessThan(chattyBefore + 2 * batchLines);
        assertThat(lines.stream().filter(l -> l.startsWith("chatty | ")).count()).isEqualTo(400_000);
    }

    @Test
    void aStateLineComesAfterTheOutputLoggedBeforeIt() {
        SlowSink sink = new SlowSink(0);
        ConsoleReporter console = new ConsoleReporter(new PrintStream(sink, false, StandardCharsets.UTF_8), false);
        for (int i = 0; i < 1000; i++) {
            console.log("api", LogLine.Stream.STDERR, "out " + i);
        }
        console.warn("last");
        List<String> lines = sink.lines();
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(999)).isEqualTo("api | out 999");
        assertThat(lines.get(1000)).isEqualTo("last");
    }

    @Test
    void everyLineOfABatchGetsThePrefixAndStandardErrorIsRedOnAColourConsole() throws Exception {
        SlowSink sink = new SlowSink(0);
        ConsoleReporter console = new ConsoleReporter(new PrintStream(sink, false, StandardCharsets.UTF_8), true);
        byte[] bytes = "one\ntwo\n\u00e9t\u00e9\n".getBytes(StandardCharsets.UTF_8);
        LogPump.start("test", new java.io.ByteArrayInputStream(bytes), LogLine.Stream.STDERR,
                new ResourceExecutor.LogSink() {
                    @Override
                    public void line(LogLine.Stream stream, String text) {
                        throw new AssertionError("batches expected");
                    }

                    @Override
                    public void lines(LogBatch batch) {
                        console.log("api", batch);
                    }
                }).get(5, java.util.concurrent.TimeUnit.SECONDS);
        console.log("api", LogLine.Stream.STDOUT, "plain");
        console.flush();
        String cyan = "\u001b[36m";
        String red = "\u001b[31m";
        String reset = "\u001b[0m";
        String prefix = cyan + "api | " + reset;
        assertThat(sink.lines()).containsExactly(prefix + red + "one" + reset, prefix + red + "two" + reset,
                prefix + red + "\u00e9t\u00e9" + reset, prefix + "plain");
    }
}
