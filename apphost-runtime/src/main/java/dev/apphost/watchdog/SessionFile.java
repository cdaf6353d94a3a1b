package dev.apphost.watchdog;

import dev.apphost.launch.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The net under the {@link Reaper}: a file per running AppHost, {@code ~/.apphost/sessions/<pid>.session}
 * (folder 0700, file 0600), listing the process groups and container sessions it started, deleted
 * when it ends normally. When the AppHost <em>and</em> its reaper were killed, the file stays, and
 * the next AppHost's start {@link #sweep sweeps} it: it kills what is left of the recorded process
 * groups and returns the recorded container sessions for removal.
 *
 * <p>Only what is proven to be a dead owner's is touched: a file is swept only when it was written
 * on this boot ({@code /proc/sys/kernel/random/boot_id}) in this PID namespace
 * ({@code /proc/self/ns/pid}) and its owner's pid is gone or now belongs to a process started at
 * another time; a recorded process is killed only if its pid still has the recorded start time.
 * Anything else (another machine sharing the home folder, another container, no {@code /proc}) is
 * left alone. Lines:
 * <pre>
 * owner &lt;pid&gt; &lt;start-epoch-millis&gt; &lt;boot-id&gt; &lt;pid-namespace&gt;
 * group &lt;pid&gt; &lt;start-epoch-millis&gt;
 * container-session &lt;id&gt; [&lt;engine-host&gt;]
 * </pre>
 */
public final class SessionFile implements AutoCloseable {

    /** System property naming another sessions folder (tests). */
    public static final String DIRECTORY_PROPERTY = "apphost.sessionsDir";

    private final Path file;
    private OutputStream out;

    private SessionFile(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** The sessions folder: {@code -Dapphost.sessionsDir}, else {@code ~/.apphost/sessions}. */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".apphost", "sessions");
    }

    /** Creates this AppHost's session file in {@code dir}; empty when it cannot (then nothing is recorded). */
    public static Optional<SessionFile> create(Path dir) {
        try {
            if (dir.getParent() != null && dir.getParent().getFileName() != null
                    && dir.getParent().getFileName().toString().equals(".apphost")) {
                PrivateFiles.directory(dir.getParent());
            }
            PrivateFiles.directory(dir);
            ProcessHandle self = ProcessHandle.current();
            Path file = PrivateFiles.create(dir.resolve(self.pid() + ".session"));
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            SessionFile session = new SessionFile(file, out);
            session.append("owner " + self.pid() + " " + startMillis(self) + " " + bootId() + " " + pidNamespace());
            return Optional.of(session);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    /** Records a process that leads its own group (or at least its own tree). */
    public void recordGroup(ProcessHandle leader) {
        append("group " + leader.pid() + " " + startMillis(leader));
    }

    public void recordContainerSession(String sessionId, String engineHost) {
        append("container-session " + sessionId + (engineHost == null ? "" : " " + engineHost));
    }

    private synchronized void append(String line) {
        if (out == null) {
            return;
        }
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // best effort: the reaper is the first net
        }
    }

    /** The AppHost ended normally: nothing is left to sweep. */
    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a later sweep finds the owner dead and nothing alive
        } finally {
            out = null;
        }
    }

    /** What a sweep found and did. */
    public record Swept(int files, int processesKilled, Map<String, String> containerSessions) {
    }

    /**
     * Kills what is left of the process groups recorded by dead AppHosts in {@code dir} and deletes
     * their files; returns their container sessions (id to engine host, "" for the default engine)
     * for the caller to remove. Never touches the file of a live or unjudgeable owner.
     */
    public static Swept sweep(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Swept(0, 0, Map.of());
        }
        String boot = bootId();
        String namespace = pidNamespace();
        int files = 0;
        List<ProcessHandle> leaders = new ArrayList<>();
        Map<String, String> sessions = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.session")) {
            for (Path entry : entries) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (lines.isEmpty() || !ownerProvenDead(lines.get(0).split(" "), boot, namespace)) {
                    continue;
                }
                for (String line : lines.subList(1, lines.size())) {
                    String[] words = line.split(" ");
                    if (words[0].equals("group") && words.length == 3 && Long.parseLong(words[2]) > 0) {
                        ProcessHandle.of(Long.parseLong(words[1]))
                                .filter(p -> Reaper.sameStart(p, Long.parseLong(words[2])))
                                .ifPresent(leaders::add);
                    } else if (words[0].equals("container-session") && words.length >= 2) {
                        sessions.put(words[1], words.length > 2 ? words[2] : "");
                    }
                }
                Files.deleteIfExists(entry);
                files++;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable folder: nothing proven, nothing touched
        }
        int killed = kill(leaders);
        return new Swept(files, killed, sessions);
    }

    private static boolean ownerProvenDead(String[] owner, String boot, String namespace) {
        if (owner.length != 5 || !owner[0].equals("owner") || boot.isEmpty() || namespace.isEmpty()
                || !owner[3].equals(boot) || !owner[4].equals(namespace)) {
            return false;
        }
        long pid = Long.parseLong(owner[1]);
        long start = Long.parseLong(owner[2]);
        if (pid == ProcessHandle.current().pid() || start <= 0) {
            return false;
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive() || !Reaper.sameStart(p, start)).orElse(true);
    }

    /** SIGTERM to each leftover group (members and descendants), SIGKILL after the reaper's grace. */
    private static int kill(List<ProcessHandle> leaders) {
        Map<Long, ProcessHandle> targets = new LinkedHashMap<>();
        for (ProcessHandle leader : leaders) {
            targets.putIfAbsent(leader.pid(), leader);
            leader.descendants().forEach(d -> targets.putIfAbsent(d.pid(), d));
            if (ProcStat.processGroup(leader.pid()) == leader.pid()) {
                ProcessHandle.allProcesses().filter(p -> ProcStat.processGroup(p.pid()) == leader.pid())
                        .forEach(p -> targets.putIfAbsent(p.pid(), p));
            }
        }
        targets.values().forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Reaper.KILL_GRACE.toNanos();
        for (ProcessHandle p : targets.values()) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                break;
            }
        }
        targets.values().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return targets.size();
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String pidNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replace(' ', '_');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

}
