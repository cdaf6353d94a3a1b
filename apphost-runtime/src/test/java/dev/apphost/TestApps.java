package dev.apphost;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builders for tests: configuration from a map, no user secrets, no environment. */
public final class TestApps {

    private TestApps() {
    }

    public static DistributedApplicationBuilder builder(Path appHostDirectory, Map<String, String> config,
            String... args) {
        return new DistributedApplicationBuilder(args, appHostDirectory.toAbsolutePath(),
                Configuration.of(Map.of(), Map.of(), config, List.of(args)), null);
    }

    public static DistributedApplicationBuilder builder(Map<String, String> config, String... args) {
        return builder(Path.of("").toAbsolutePath(), config, args);
    }
}
