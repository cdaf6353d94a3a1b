package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesLikeSystemTextJsonDefaultEncoder() {
        assertThat(JsonWriter.escape("a\"b&c+d'e<f>g`h")).isEqualTo(
                "a\\u0022b\\u0026c\\u002Bd\\u0027e\\u003Cf\\u003Eg\\u0060h");
        assertThat(JsonWriter.escape("x\ny\rz\tq\\w\b\f")).isEqualTo("x\\ny\\rz\\tq\\\\w\\b\\f");
        assertThat(JsonWriter.escape("\u0000\u001F\u007F")).isEqualTo("\\u0000\\u001F\\u007F");
        assertThat(JsonWriter.escape("é€ü")).isEqualTo("\\u00E9\\u20AC\\u00FC");
        assertThat(JsonWriter.escape("😀")).isEqualTo("\\uD83D\\uDE00");
        assertThat(JsonWriter.escape("plain {a.b} / : ; = , ? @ # $ % * ! ~ ^ | ( ) [ ] _ -"))
                .isEqualTo("plain {a.b} / : ; = , ? @ # $ % * ! ~ ^ | ( ) [ ] _ -");
    }

    @Test
    void writesIndentedLayoutWithoutTrailingNewline() {
        String json = new JsonWriter().beginObject()
                .property("s", "v")
                .property("n", 8000)
                .property("b", false)
                .beginArray("a").value("x").value("y").endArray()
                .beginArray("empty").endArray()
                .beginObject("o").endObject()
                .beginArray("objects").beginObject().property("k", "v").endObject().endArray()
                .endObject().toString();
        assertThat(json).isEqualTo("""
                {
                  "s": "v",
                  "n": 8000,
                  "b": false,
                  "a": [
                    "x",
                    "y"
                  ],
                  "empty": [],
                  "o": {},
                  "objects": [
                    {
                      "k": "v"
                    }
                  ]
                }""");
    }

    @Test
    void escapesPropertyNamesToo() {
        assertThat(new JsonWriter().beginObject().property("a+b", "c").endObject().toString())
                .isEqualTo("{\n  \"a\\u002Bb\": \"c\"\n}");
    }

    @Test
    void rejectsMisuse() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().endArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
    }

    /** Every example Aspire wrote, parsed and written again by us, comes out byte for byte the same. */
    @Test
    void reproducesEveryExampleFileByteForByte() throws IOException {
        Path examples = ManifestTestSupport.sharedAspire().resolve("examples");
        List<Path> files;
        try (Stream<Path> list = Files.list(examples)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String original = ManifestTestSupport.withoutTrailingNewline(ManifestTestSupport.read(file));
            assertThat(ManifestTestSupport.render(ManifestTestSupport.parse(original)))
                    .as("round trip of %s", file.getFileName()).isEqualTo(original);
        }
    }
}
