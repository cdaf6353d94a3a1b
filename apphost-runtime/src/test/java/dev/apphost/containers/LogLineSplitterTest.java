package dev.apphost.containers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LogLineSplitter splitter = new LogLineSplitter((stream, line) -> lines.add(stream + ":" + line));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneFrameWithSeveralLines() {
        splitter.accept(LogStream.STDOUT, bytes("a\nb\r\nc\n"));
        assertThat(lines).containsExactly("STDOUT:a", "STDOUT:b", "STDOUT:c");
    }

    @Test
    void lineSplitAcrossFramesPerStream() {
        splitter.accept(LogStream.STDOUT, bytes("hel"));
        splitter.accept(LogStream.STDERR, bytes("err"));
        splitter.accept(LogStream.STDOUT, bytes("lo\nwor"));
        splitter.accept(LogStream.STDERR, bytes("or\n"));
        assertThat(lines).containsExactly("STDOUT:hello", "STDERR:error");
        splitter.flush();
        assertThat(lines).containsExactly("STDOUT:hello", "STDERR:error", "STDOUT:wor");
    }

    @Test
    void multibyteCharacterCutBetweenFrames() {
        byte[] all = bytes("grüße\n");
        splitter.accept(LogStream.STDOUT, Arrays.copyOfRange(all, 0, 3)); // cuts inside 'ü'
        splitter.accept(LogStream.STDOUT, Arrays.copyOfRange(all, 3, all.length));
        assertThat(lines).containsExactly("STDOUT:grüße");
    }

    @Test
    void emptyLinesAreKeptAndFlushEmitsNothingWhenClean() {
        splitter.accept(LogStream.STDERR, bytes("\n\n"));
        splitter.flush();
        assertThat(lines).containsExactly("STDERR:", "STDERR:");
    }
}
