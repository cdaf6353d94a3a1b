package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.DistributedApplicationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --publisher manifest --output-path PATH}, end to end through {@code build().run()}. */
class ManifestPublisherTest {

    @TempDir
    Path temp;

    private static DistributedApplicationBuilder app(String... args) {
        var builder = DistributedApplication.createBuilder(args);
        var cache = builder.addRedis("cache");
        builder.addContainer("web", "nginx", "1.27").withHttpEndpoint(8080, 80, "http").withReference(cache);
        return builder;
    }

    /** Runs the app, returning what it printed. */
    private static String run(DistributedApplicationBuilder builder) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            builder.build().run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pathEndingInJsonIsTheFileAndParentsAreCreated() {
        Path file = temp.resolve("deep/er/manifest.json");
        String printed = run(app("--publisher", "manifest", "--output-path", file.toString()));
        assertThat(printed).isEqualTo("Published manifest to: " + file + System.lineSeparator());
        String manifest = ManifestTestSupport.read(file);
        ManifestTestSupport.assertValidManifest(manifest);
        assertThat(manifest).startsWith("{\n  \"$schema\": \"https://json.schemastore.org/aspire-8.0.json\",")
                .endsWith("\n}");
    }

    @Test
    void otherPathIsAFolderThatGetsAspireManifestJson() {
        Path folder = temp.resolve("out");
        String printed = run(app("--publisher", "manifest", "--output-path", folder.toString()));
        Path file = folder.resolve("aspire-manifest.json");
        assertThat(printed).contains("Published manifest to: " + file);
        assertThat(file).exists();
        ManifestTestSupport.assertValidManifest(ManifestTestSupport.read(file));
    }

    @Test
    void switchWithEqualsSignWorksToo() {
        Path file = temp.resolve("eq.json");
        run(app("--publisher=manifest", "--output-path=" + file));
        assertThat(file).exists();
    }

    @Test
    void relativePathResolvesAgainstTheWorkingDirectory() throws IOException {
        Path relative = Path.of("target", "publisher-test-" + System.nanoTime(), "rel");
        Path expected = Path.of("").toAbsolutePath().resolve(relative).resolve("aspire-manifest.json");
        try {
            String printed = run(app("--publisher", "manifest", "--output-path", relative.toString()));
            assertThat(printed).contains("Published manifest to: " + expected);
            assertThat(expected).exists();
        } finally {
            deleteTree(Path.of("").toAbsolutePath().resolve(relative.getParent()));
        }
    }

    @Test
    void missingOutputPathFailsWithAspiresMessage() {
        var application = app("--publisher", "manifest").build();
        assertThatThrownBy(application::run)
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessage("The '--output-path [path]' option was not specified even though '--publisher manifest' "
                        + "argument was used.");
    }

    @Test
    void writesTheSameBytesAsTheWriter() {
        Path file = temp.resolve("m.json");
        var builder = app("--publisher", "manifest", "--output-path", file.toString());
        var application = builder.build();
        run(builder);
        String expected = new ManifestWriter().write(application.model(), application.executionContext(), temp);
        assertThat(ManifestTestSupport.read(file)).isEqualTo(expected);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
