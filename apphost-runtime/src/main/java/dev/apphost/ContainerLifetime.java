package dev.apphost;

/**
 * How long a container lives, as Aspire's {@code ContainerLifetime}.
 *
 * <pre>{@code
 * builder.addRedis("cache")
 *        .withLifetime(ContainerLifetime.PERSISTENT)   // kept when the AppHost stops, reused by the next run
 *        .withContainerName("shop-cache");             // optional: a fixed name, shared by AppHosts
 * }</pre>
 */
public enum ContainerLifetime {
    /** Created at every run and removed when the AppHost stops (the default). */
    SESSION,
    /**
     * Kept running when the AppHost stops; the next run reuses it while its configuration (image,
     * environment, arguments, entrypoint, mounts, ports, runtime options) is unchanged and recreates it
     * when it changed. Never removed by the AppHost, its reaper or the sweep: remove it with
     * {@code docker rm -f} when you are done with it.
     */
    PERSISTENT;

    /**
     * Configuration key, {@code true} by default: {@code false} runs every {@link #PERSISTENT} container
     * as a {@link #SESSION} one for that run (a fresh container with a generated name, removed at stop),
     * as the testing harness does unless asked otherwise.
     */
    public static final String PERSISTENT_CONTAINERS_KEY = "AppHost:PersistentContainers";
}
