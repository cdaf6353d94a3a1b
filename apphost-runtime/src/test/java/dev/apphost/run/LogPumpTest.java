package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogPumpTest {

    private static List<String> pump(byte[] bytes) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LogPump.start("test", new ByteArrayInputStream(bytes), LogLine.Stream.STDOUT, (kind, text) -> lines.add(text))
                .get(5, TimeUnit.SECONDS);
        return lines;
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
}
