package dev.apphost.containers;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The labels put on everything the app host creates (containers, networks, volumes), so that it
 * can always be found and removed again: by session at shutdown and by the reaper
 * ({@code dev.apphost.watchdog}), and by dead owner in the {@link OrphanSweeper} at the next start.
 *
 * <pre>{@code
 * Map<String, String> labels = ResourceLabels.forSession(sessionId).app("shop").resource("cache").build();
 * engine.removeAll(ResourceLabels.sessionFilter(sessionId));
 * }</pre>
 *
 * Persistent resources (Aspire's {@code ContainerLifetime.Persistent}) use {@link #persistent()}:
 * they carry {@link #MANAGED} but no session or owner labels, so no cleanup removes them.
 */
public final class ResourceLabels {
    /** {@code true} on everything the app host creates. */
    public static final String MANAGED = "dev.apphost.managed";
    /** The app-host session id; removed by the reaper when the session's JVM dies. */
    public static final String SESSION = "dev.apphost.session";
    /** PID of the JVM that created the resource; the sweep removes resources whose owner is dead. */
    public static final String OWNER_PID = "dev.apphost.owner-pid";
    /** Start time of the owner (epoch millis), so a reused PID is not mistaken for the owner. */
    public static final String OWNER_START = "dev.apphost.owner-start";
    /** Host name of the owner: PIDs only mean something on the same host. */
    public static final String OWNER_HOST = "dev.apphost.owner-host";
    /** {@code /etc/machine-id} of the owner's machine (absent where the owner had none). */
    public static final String OWNER_MACHINE = "dev.apphost.owner-machine-id";
    /** The kernel boot id when the owner ran: another boot means the owner is gone. */
    public static final String OWNER_BOOT = "dev.apphost.owner-boot-id";
    /** The owner's PID namespace ({@code pid:[inode]}): its PID means nothing in another one. */
    public static final String OWNER_PID_NAMESPACE = "dev.apphost.owner-pid-ns";
    /** The owner's start time in clock ticks after boot (field 22 of {@code /proc/<pid>/stat}): wall-clock independent. */
    public static final String OWNER_START_TICKS = "dev.apphost.owner-start-ticks";
    /** The owner's user id: under {@code hidepid}, only a same-user or root sweeper sees the owner's PID. */
    public static final String OWNER_UID = "dev.apphost.owner-uid";
    /** The owner's {@link OwnerLease} file: locked while the owner lives. */
    public static final String OWNER_LEASE = "dev.apphost.owner-lease";
    /** The application (AppHost) name. */
    public static final String APP = "dev.apphost.app";
    /** The resource name in the app model. */
    public static final String RESOURCE = "dev.apphost.resource";

    private final Map<String, String> labels = new LinkedHashMap<>();

    private ResourceLabels() {
        labels.put(MANAGED, "true");
    }

    /** Labels for a session-lifetime resource owned by the current JVM. */
    public static ResourceLabels forSession(String sessionId) {
        return forSession(sessionId, ProcessHandle.current());
    }

    /** Labels for a session-lifetime resource owned by {@code owner}. */
    public static ResourceLabels forSession(String sessionId, ProcessHandle owner) {
        Objects.requireNonNull(sessionId, "sessionId == null");
        ResourceLabels result = new ResourceLabels();
        result.labels.put(SESSION, sessionId);
        result.labels.put(OWNER_PID, Long.toString(owner.pid()));
        owner.info().startInstant().ifPresent(start -> result.labels.put(OWNER_START, Long.toString(start.toEpochMilli())));
        result.labels.put(OWNER_HOST, localHostName());
        OwnerLiveness.putOwner(result.labels, owner.pid());
        if (owner.pid() == ProcessHandle.current().pid()) {
            OwnerLease.heldFor(sessionId).ifPresent(lease -> result.labels.put(OWNER_LEASE, lease.path().toString()));
        }
        return result;
    }

    /** Labels for a persistent resource: managed, but never removed by session cleanup or the sweep. */
    public static ResourceLabels persistent() {
        return new ResourceLabels();
    }

    public ResourceLabels app(String appName) {
        labels.put(APP, Objects.requireNonNull(appName, "appName == null"));
        return this;
    }

    public ResourceLabels resource(String resourceName) {
        labels.put(RESOURCE, Objects.requireNonNull(resourceName, "resourceName == null"));
        return this;
    }

    /** An immutable copy, in a stable order. */
    public Map<String, String> build() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The label filter that selects everything of one session. */
    public static Map<String, String> sessionFilter(String sessionId) {
        return Map.of(MANAGED, "true", SESSION, sessionId);
    }

    /** The label filter that selects everything the app host manages. */
    public static Map<String, String> managedFilter() {
        return Map.of(MANAGED, "true");
    }

    /**
     * Whether the owner recorded in {@code resourceLabels} is proven dead (see {@link OwnerLiveness}):
     * anything whose owner cannot be judged (another machine or PID namespace, a hidden
     * {@code /proc}, labels without an owner) counts as alive.
     */
    public static boolean ownerIsDead(Map<String, String> resourceLabels) {
        return OwnerLiveness.local().judge(resourceLabels) == OwnerLiveness.Verdict.DEAD;
    }

    static String localHostName() {
        return LocalHost.NAME;
    }

    /** Lazily computed once: the kernel's host name (no DNS lookup), else Java's idea of it. */
    private static final class LocalHost {
        static final String NAME = compute();

        private static String compute() {
            try {
                String kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
                if (!kernel.isEmpty()) {
                    return kernel;
                }
            } catch (Exception e) {
                // not Linux: fall through
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "localhost";
            }
        }
    }
}
