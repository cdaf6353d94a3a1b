package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogPumpTest {

    /** What a pump handed on: every batch, in order. */
    static final class Batches implements ResourceExecutor.LogSink {
        final List<LogBatch> batches = new CopyOnWriteArrayList<>();

        @Override
        public void line(LogLine.Stream stream, String text) {
            throw new AssertionError("a pump hands on batches");
        }

        @Override
        public void lines(LogBatch batch) {
            batches.add(batch);
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>();
            for (LogBatch b : batches) {
                for (int i = 0; i < b.size(); i++) {
                    texts.add(b.text(i));
                }
            }
            return texts;
        }
    }

    private static List<String> pump(byte[] bytes) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LogPump.start("test", new ByteArrayInputStream(bytes), LogLine.Stream.STDOUT, (kind, text) -> lines.add(text))
                .get(5, TimeUnit.SECONDS);
        return lines;
    }

    /** Runs {@code sh -c script} and pumps its standard output. */
    private static Batches pumpProcess(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Batches sink = new Batches();
        LogPump.start("test", p.getInputStream(), LogLine.Stream.STDOUT, sink).get(60, TimeUnit.SECONDS);
        assertThat(p.waitFor()).isZero();
        return sink;
    }

    @Test
    void splitsLikeReadLine() throws Exception {
        assertThat(pump("a\nb\r\nc\rd\n\nlast".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a", "b", "c", "d", "", "last");
    }

    @Test
    void decodesUtf8AcrossReadBuffers() throws Exception {
        String text = "é".repeat(5000) + "\n€";
        assertThat(pump(text.getBytes(StandardCharsets.UTF_8))).containsExactly("é".repeat(5000), "€");
    }

    @Test
    void splitsAnEndlessLine() throws Exception {
        List<String> lines = pump("x".repeat(LogPump.MAX_LINE_BYTES * 2 + 10).getBytes(StandardCharsets.UTF_8));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).hasSize(10);
    }

    @Test
    void anEndlessLineIsCutBetweenCharactersNotInsideOne() throws Exception {
        String text = "x" + "€".repeat(LogPump.MAX_LINE_BYTES); // 3 bytes each: no piece boundary falls on one
        List<String> lines = pump(text.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\uFFFD"));
        assertThat(lines.get(0).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LogPump.MAX_LINE_BYTES);
    }

    @Test
    void aProcessFloodingLinesIsHandedOnInBatchesEveryLineInOrder() throws Exception {
        Batches sink = pumpProcess("seq 1 200000");
        List<String> texts = sink.texts();
        assertThat(texts).hasSize(200_000);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i)).isEqualTo(Integer.toString(i + 1));
        }
        // seq writes whole blocks of lines: each read brings many of them, handed on together
        assertThat(sink.batches.size()).isLessThan(200_000 / 50);
        assertThat(sink.batches).allSatisfy(b -> assertThat(b.stream()).isEqualTo(LogLine.Stream.STDOUT));
    }

    @Test
    void aCharacterSplitAcrossTwoWritesOfAProcessStaysWhole() throws Exception {
        // é is \303\251: the two bytes come in two writes, a while apart, so in two reads
        Batches sink = pumpProcess("printf 'caf\\303'; sleep 0.3; printf '\\251\\n'; sleep 0.3; printf 'end\\n'");
        assertThat(sink.texts()).containsExactly("café", "end");
    }

    @Test
    void aProcessesLastLineWithoutNewlineAndCarriageReturnsArrive() throws Exception {
        Batches sink = pumpProcess("printf 'a\\r\\nprogress 1\\rprogress 2\\r'; sleep 0.3; printf '\\nlast'");
        // the \n after a \r that ended a line ends no further line, even in the next read
        assertThat(sink.texts()).containsExactly("a", "progress 1", "progress 2", "last");
    }

    @Test
    void linesOfOneReadShareOneTimestampAndLaterReadsAreLater() throws Exception {
        Batches sink = pumpProcess("printf 'one\\ntwo\\n'; sleep 0.3; printf 'three\\n'");
        assertThat(sink.texts()).containsExactly("one", "two", "three");
        LogBatch first = sink.batches.get(0);
        LogBatch last = sink.batches.get(sink.batches.size() - 1);
        assertThat(first.line("r", 0).timestamp()).isEqualTo(first.line("r", first.size() - 1).timestamp());
        assertThat(last.timestamp()).isAfter(first.timestamp());
    }

    @Test
    void theCutOfAnEndlessLineStepsBackToTheStartOfACharacter() {
        byte[] b = "ab€".getBytes(StandardCharsets.UTF_8); // a b E2 82 AC
        assertThat(LogPump.utf8Boundary(b, 0, 3)).isEqualTo(2);
        assertThat(LogPump.utf8Boundary(b, 0, 4)).isEqualTo(2);
        assertThat(LogPump.utf8Boundary(b, 0, 2)).isEqualTo(2);
        byte[] notUtf8 = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
        assertThat(LogPump.utf8Boundary(notUtf8, 0, 4)).isEqualTo(4);
    }
}
