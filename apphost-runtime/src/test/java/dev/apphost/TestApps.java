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

    /** A builder whose user secrets live in {@code secretsFolder} (read now, written by the run), as a real AppHost's do. */
    public static DistributedApplicationBuilder builderWithSecrets(Path appHostDirectory, Path secretsFolder,
            Map<String, String> config, String... args) {
        UserSecrets secrets = UserSecrets.in(secretsFolder, appHostDirectory.toAbsolutePath());
        return new DistributedApplicationBuilder(args, appHostDirectory.toAbsolutePath(),
                Configuration.of(Map.of(), secrets.read(), config, List.of(args)), secrets);
    }

    public static DistributedApplicationBuilder builder(Map<String, String> config, String... args) {
        return builder(Path.of("").toAbsolutePath(), config, args);
    }
}
