package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.Subscription;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The log store keeps a bounded tail of batches, decodes lazily, and feeds live subscribers line by line. */
class LogStoreTest {

    /** Pumps {@code text} into {@code store} as resource {@code resource}, as a process's output would arrive. */
    private static void pump(LogStore store, String resource, String text) throws Exception {
        LogPump.start("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LogLine.Stream.STDOUT,
                new ResourceExecutor.LogSink() {
                    @Override
                    public void line(LogLine.Stream stream, String line) {
                        lines(LogBatch.of(stream, line));
                    }

                    @Override
                    public void lines(LogBatch batch) {
                        store.add(resource, batch);
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    private static String numbered(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("line ").append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void keepsTheLastLinesOfAFloodAndMemoryStaysBounded() throws Exception {
        LogStore store = new LogStore(1000);
        pump(store, "Chatty", numbered(1, 500_000));
        List<LogLine> lines = store.lines("chatty");
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(0).text()).isEqualTo("line 499001");
        assertThat(lines.get(999).text()).isEqualTo("line 500000");
        assertThat(lines.get(0).resource()).isEqualTo("Chatty");
        assertThat(store.tail("chatty", 3)).containsExactly("line 499998", "line 499999", "line 500000");
        // 1000 lines of 12 bytes, plus at most the older lines of the oldest batch (one read: 128 KB at most)
        assertThat(store.retainedBytes("chatty")).isLessThan(2 * 128 * 1024 + 1000 * 32);
    }

    @Test
    void lessThanTheCapacityIsKeptWhole() throws Exception {
        LogStore store = new LogStore(1000);
        pump(store, "api", numbered(1, 10));
        pump(store, "api", "after restart\n");
        assertThat(store.lines("api")).extracting(LogLine::text).hasSize(11).endsWith("line 10", "after restart");
        assertThat(store.tail("api", 100)).hasSize(11);
        assertThat(store.tail("other", 5)).isEmpty();
    }

    @Test
    void aSubscriberGetsEveryLineInOrderOnlyOfItsResource() throws Exception {
        LogStore store = new LogStore(10);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Subscription s = store.subscribe("API", l -> seen.add(l.resource() + ":" + l.text()))) {
            pump(store, "api", numbered(1, 20_000));
            pump(store, "web", "not mine\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < 20_000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(seen).hasSize(20_000);
        assertThat(seen.get(0)).isEqualTo("api:line 1");
        assertThat(seen.get(19_999)).isEqualTo("api:line 20000");
        assertThat(store.lines("api")).hasSize(10);
    }
}
