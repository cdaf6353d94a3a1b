package dev.apphost.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A liveness signal for an app-host session that needs no process table: a file under
 * {@code ~/.apphost/leases/} locked by the app host for as long as it lives. The kernel drops the
 * lock when the process dies, whatever kills it, so "the lock can be taken" proves the owner is
 * dead, in any PID namespace and whatever the wall clock does. The session's resources carry the
 * lease's path ({@link ResourceLabels#OWNER_LEASE}) and the {@link OrphanSweeper} probes it.
 *
 * <pre>{@code
 * try (OwnerLease lease = OwnerLease.acquire(sessionId)) {
 *     Map<String, String> labels = ResourceLabels.forSession(sessionId).build(); // carries the lease path
 *     ... create containers ...
 * }   // resources removed first, then the lease is released and deleted
 * }</pre>
 */
public final class OwnerLease implements AutoCloseable {

    /** What a probe of a lease file found. */
    public enum State {
        /** Another process holds the lock (or this JVM does): the owner lives. */
        HELD,
        /** The file exists and nobody holds its lock: the owner is dead. */
        FREE,
        /** No such file (released, or on another file system): the lease cannot tell. */
        MISSING
    }

    private static final Map<String, OwnerLease> HELD_BY_THIS_JVM = new ConcurrentHashMap<>();

    private final String sessionId;
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OwnerLease(String sessionId, Path path, FileChannel channel, FileLock lock) {
        this.sessionId = sessionId;
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates and locks {@code ~/.apphost/leases/<sessionId>.lease}. */
    public static OwnerLease acquire(String sessionId) {
        return acquire(sessionId, defaultDirectory());
    }

    /** Creates and locks {@code <directory>/<sessionId>.lease}. */
    public static OwnerLease acquire(String sessionId, Path directory) {
        if (!sessionId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a valid session id for a lease file: '" + sessionId + "'");
        }
        Path path = directory.toAbsolutePath().resolve(sessionId + ".lease");
        try {
            createPrivateDirectories(directory);
            FileChannel channel;
            FileLock lock;
            int attempts = 0;
            while (true) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new IllegalStateException("The lease " + path + " is held by another process");
                }
                if (Files.exists(path) || ++attempts == 3) {
                    break;
                }
                // A sweep took the still-unlocked new file for abandoned and deleted it: create it again.
                lock.release();
                channel.close();
            }
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
            OwnerLease lease = new OwnerLease(sessionId, path, channel, lock);
            HELD_BY_THIS_JVM.put(sessionId, lease);
            return lease;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the session lease " + path, e);
        }
    }

    /** The lease this JVM holds for {@code sessionId}, if any. */
    static Optional<OwnerLease> heldFor(String sessionId) {
        return Optional.ofNullable(HELD_BY_THIS_JVM.get(sessionId));
    }

    /** Whether the owner of the lease at {@code path} is alive; a free lease is deleted (its owner is dead). */
    public static State probe(Path path) {
        Path absolute = path.toAbsolutePath();
        if (HELD_BY_THIS_JVM.values().stream().anyMatch(held -> held.path.equals(absolute))) {
            // Not opened: closing any channel to the file would drop this JVM's lock on it (POSIX record
            // locks belong to the process), and other processes would then find the lease free.
            return State.HELD;
        }
        if (!Files.isRegularFile(path)) {
            return State.MISSING;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException ours) {
                return State.HELD;
            }
            if (lock == null) {
                return State.HELD;
            }
            try {
                Files.deleteIfExists(path);
            } finally {
                lock.release();
            }
            return State.FREE;
        } catch (IOException e) {
            return Files.exists(path) ? State.HELD : State.MISSING; // unreadable: cannot prove death
        }
    }

    /**
     * Deletes the lease files in {@code directory} that nobody holds: those of app hosts that died
     * after their reaper had removed their resources. Returns how many were deleted.
     */
    public static int removeAbandoned(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".lease"))::iterator) {
                if (probe(file) == State.FREE) {
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a lease left behind costs a few bytes
        }
        return removed;
    }

    public Path path() {
        return path;
    }

    /** Releases the lock and deletes the file; call after the session's resources are gone. */
    @Override
    public void close() {
        HELD_BY_THIS_JVM.remove(sessionId, this);
        try {
            Files.deleteIfExists(path);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process ends soon; the kernel drops the lock then
        }
    }

    static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".apphost", "leases");
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Path parent = directory.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(".apphost")) {
                Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile is private already
        }
    }
}
