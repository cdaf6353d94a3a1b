package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLogFilesTest {

    @TempDir
    Path appHost;

    private ResourceLogFiles files(String... args) {
        return ResourceLogFiles.forAppHost(appHost, Configuration.of(Map.of(), Map.of(), Map.of(), List.of(args)));
    }

    @Test
    void eachResourceGetsItsOwnFileUnderTargetApphostLogs() throws Exception {
        try (ResourceLogFiles files = files()) {
            files.line("Api", LogLine.Stream.STDOUT, "started");
            files.line("api", LogLine.Stream.STDERR, "warning");
            files.line("web", LogLine.Stream.STDOUT, "hello");
        }

        List<String> api = Files.readAllLines(appHost.resolve("target/apphost/logs/api.log"));
        assertThat(api).hasSize(2);
        assertThat(api.get(0)).matches("\\S+Z out started");
        assertThat(api.get(1)).endsWith(" err warning");
        assertThat(Files.readAllLines(appHost.resolve("target/apphost/logs/web.log"))).hasSize(1);
    }

    @Test
    void aNewRunStartsTheFilesAfresh() throws Exception {
        try (ResourceLogFiles files = files()) {
            files.line("api", LogLine.Stream.STDOUT, "first run");
        }
        try (ResourceLogFiles files = files()) {
            files.line("api", LogLine.Stream.STDOUT, "second run");
        }
        assertThat(Files.readString(appHost.resolve("target/apphost/logs/api.log"))).doesNotContain("first run");
    }

    @Test
    void theConsoleShowsAllNoneOrTheNamedResources() {
        assertThat(files().showsOnConsole("api")).isTrue();
        assertThat(files("--AppHost:ConsoleLogs=none").showsOnConsole("api")).isFalse();
        ResourceLogFiles some = files("--AppHost:ConsoleLogs=gateway, Orders");
        assertThat(some.showsOnConsole("gateway")).isTrue();
        assertThat(some.showsOnConsole("orders")).isTrue();
        assertThat(some.showsOnConsole("api")).isFalse();
    }
}
