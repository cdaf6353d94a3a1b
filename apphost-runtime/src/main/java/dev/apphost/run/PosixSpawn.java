package dev.apphost.run;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a child in a session (and process group) of its own with one {@code posix_spawn} call
 * and {@code POSIX_SPAWN_SETSID}, through JNA (which docker-java's transport already brings), so
 * no {@code setsid} program is exec'd per child. Linux with glibc 2.34 or later only (it needs
 * {@code POSIX_SPAWN_SETSID}, {@code posix_spawn_file_actions_addchdir_np} and
 * {@code ..._addclosefrom_np}; the last one keeps the JVM's own descriptors, among them the
 * reaper's pipe, out of the child). {@link #AVAILABLE} is false elsewhere, or when JNA cannot
 * load, and {@link ProcessExecutor} then falls back to {@link ProcessBuilder}.
 *
 * <p>The child's stdin is {@code /dev/null}; stdout and stderr are pipes read through
 * {@link #spawn}'s streams; its exit status is collected by a {@code waitpid} on a small daemon
 * thread and reported like {@link Process#exitValue()} (128 + signal when killed by a signal).
 */
final class PosixSpawn {

    /** Whether this platform's C library offers everything needed; checked once. */
    static final boolean AVAILABLE;

    private static final LibC C;

    // glibc's values (Linux, every architecture)
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    private static final int O_CLOEXEC = 0x80000;
    private static final int EINTR = 4;
    private static final int[] RESET_SIGNALS = {1, 2, 3, 13, 15}; // HUP INT QUIT PIPE TERM
    static final int SIGTERM = 15;
    static final int SIGKILL = 9;

    static {
        LibC c = null;
        if (Platform.isLinux() && !Boolean.getBoolean("apphost.noPosixSpawn")) {
            try {
                c = Native.load("c", LibC.class);
                var lib = com.sun.jna.NativeLibrary.getInstance("c");
                lib.getFunction("posix_spawn_file_actions_addchdir_np");
                lib.getFunction("posix_spawn_file_actions_addclosefrom_np");
            } catch (Throwable unavailable) {
                c = null; // JNA missing, or a C library without these calls (musl, glibc < 2.34)
            }
        }
        C = c;
        AVAILABLE = c != null;
    }

    /** A child started by {@link #spawn}. */
    record Spawned(long pid, InputStream stdout, InputStream stderr, CompletableFuture<Integer> exit) {
    }

    private PosixSpawn() {
    }

    /**
     * Starts {@code command} (its first element an absolute path) in {@code directory} with exactly
     * {@code environment}, leading a new session.
     *
     * @throws IOException with the C library's reason when the program cannot be started
     */
    static Spawned spawn(List<String> command, Path directory, Map<String, String> environment) throws IOException {
        int[] out = pipe();
        int[] err;
        try {
            err = pipe();
        } catch (IOException e) {
            closeQuietly(out[0]);
            closeQuietly(out[1]);
            throw e;
        }
        Memory actions = new Memory(512);
        Memory attr = new Memory(1024);
        Memory signals = new Memory(256);
        IntByReference pid = new IntByReference();
        int rc;
        C.posix_spawn_file_actions_init(actions);
        C.posix_spawnattr_init(attr);
        try {
            C.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", 0, 0);
            C.posix_spawn_file_actions_adddup2(actions, out[1], 1);
            C.posix_spawn_file_actions_adddup2(actions, err[1], 2);
            C.posix_spawn_file_actions_addclosefrom_np(actions, 3);
            C.posix_spawn_file_actions_addchdir_np(actions, directory.toAbsolutePath().toString());
            C.posix_spawnattr_setflags(attr, (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF));
            C.sigemptyset(signals);
            C.posix_spawnattr_setsigmask(attr, signals);
            for (int signal : RESET_SIGNALS) {
                C.sigaddset(signals, signal);
            }
            C.posix_spawnattr_setsigdefault(attr, signals);
            String[] env = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            rc = C.posix_spawn(pid, command.get(0), actions, attr, command.toArray(String[]::new), env);
        } finally {
            C.posix_spawn_file_actions_destroy(actions);
            C.posix_spawnattr_destroy(attr);
            closeQuietly(out[1]);
            closeQuietly(err[1]);
        }
        if (rc != 0) {
            closeQuietly(out[0]);
            closeQuietly(err[0]);
            throw new IOException("error=" + rc + ", " + strerror(rc));
        }
        long child = pid.getValue();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread waiter = new Thread(null, () -> exit.complete(waitFor((int) child)), "apphost-wait-" + child, 128 * 1024);
        waiter.setDaemon(true);
        waiter.start();
        return new Spawned(child, new FdInputStream(out[0]), new FdInputStream(err[0]), exit);
    }

    /** Sends {@code signal} to every process in group {@code group}; false when there is none (or no native access). */
    static boolean signalGroup(long group, int signal) {
        if (C == null || group <= 1) {
            return false;
        }
        try {
            return C.kill((int) -group, signal) == 0;
        } catch (LastErrorException e) {
            return false;
        }
    }

    private static int waitFor(int pid) {
        IntByReference status = new IntByReference();
        while (true) {
            try {
                C.waitpid(pid, status, 0);
                int s = status.getValue();
                int signal = s & 0x7f;
                return signal == 0 ? (s >> 8) & 0xff : 128 + signal;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    return -1; // ECHILD: reaped elsewhere, the status is lost
                }
            }
        }
    }

    private static int[] pipe() throws IOException {
        int[] fds = new int[2];
        try {
            C.pipe2(fds, O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("pipe2 failed: " + strerror(e.getErrorCode()), e);
        }
        return fds;
    }

    private static void closeQuietly(int fd) {
        try {
            C.close(fd);
        } catch (LastErrorException ignored) {
            // already closed
        }
    }

    private static String strerror(int errno) {
        try {
            return C.strerror(errno);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    /** The read end of a pipe. */
    private static final class FdInputStream extends InputStream {
        private final int fd;
        private final Memory buffer = new Memory(64 * 1024);
        private final AtomicBoolean closed = new AtomicBoolean();

        FdInputStream(int fd) {
            this.fd = fd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (closed.get()) {
                throw new IOException("stream closed");
            }
            int max = (int) Math.min(len, buffer.size());
            while (true) {
                try {
                    long n = C.read(fd, buffer, new NativeLong(max)).longValue();
                    if (n <= 0) {
                        return -1;
                    }
                    buffer.read(0, b, off, (int) n);
                    return (int) n;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new IOException("read failed: " + strerror(e.getErrorCode()), e);
                    }
                }
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                closeQuietly(fd);
            }
        }
    }

    /** The few libc calls used. */
    interface LibC extends Library {
        int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attr, String[] argv, String[] envp);

        int posix_spawn_file_actions_init(Pointer actions);

        int posix_spawn_file_actions_destroy(Pointer actions);

        int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

        int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

        int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

        int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

        int sigemptyset(Pointer set);

        int sigaddset(Pointer set, int signal);

        int pipe2(int[] fds, int flags) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int waitpid(int pid, IntByReference status, int options) throws LastErrorException;

        int kill(int pid, int signal) throws LastErrorException;

        String strerror(int errno);
    }
}
