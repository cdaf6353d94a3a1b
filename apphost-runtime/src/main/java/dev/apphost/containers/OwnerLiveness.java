package dev.apphost.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Decides whether the app host that labelled a resource is provably dead, from what this process
 * can see. Only {@link Verdict#DEAD} lets the {@link OrphanSweeper} remove anything.
 *
 * <ol>
 *   <li>the owner must have been on this host: same host name and, where both sides have one, the
 *       same {@code /etc/machine-id}; otherwise {@link Verdict#UNKNOWN};</li>
 *   <li>its {@link OwnerLease} decides when the file is there: locked = alive, free = dead;</li>
 *   <li>else its process: another boot ({@code /proc/sys/kernel/random/boot_id}) means dead; in
 *       another PID namespace (the inode of {@code /proc/self/ns/pid}) it is {@link Verdict#UNKNOWN};
 *       in ours its PID must carry the recorded start time in clock ticks since boot (field 22 of
 *       {@code /proc/<pid>/stat}, untouched by wall-clock steps), else it is dead; a PID we cannot
 *       see is dead only if {@code /proc} shows us every process (no {@code hidepid}, or we are
 *       root, or the owner was us).</li>
 * </ol>
 */
public final class OwnerLiveness {

    /** The judgement on one owner. */
    public enum Verdict { ALIVE, DEAD, UNKNOWN }

    private final LocalSystem system;

    OwnerLiveness(LocalSystem system) {
        this.system = system;
    }

    /** Judges against this machine's {@code /proc} and {@code /etc/machine-id}. */
    public static OwnerLiveness local() {
        return new OwnerLiveness(LocalSystem.LIVE);
    }

    public Verdict judge(Map<String, String> labels) {
        String pidText = labels.get(ResourceLabels.OWNER_PID);
        if (pidText == null) {
            return Verdict.UNKNOWN; // persistent, or not ours to judge
        }
        if (!system.hostName().equals(labels.get(ResourceLabels.OWNER_HOST))) {
            return Verdict.UNKNOWN;
        }
        String machine = labels.get(ResourceLabels.OWNER_MACHINE);
        if (!Objects.equals(machine, system.machineId())) {
            return Verdict.UNKNOWN; // another machine with our host name, or one side cannot tell
        }
        String lease = labels.get(ResourceLabels.OWNER_LEASE);
        if (lease != null) {
            switch (OwnerLease.probe(Path.of(lease))) {
                case HELD:
                    return Verdict.ALIVE;
                case FREE:
                    return Verdict.DEAD;
                default:
                    break; // released or not visible here: the process decides
            }
        }
        String boot = labels.get(ResourceLabels.OWNER_BOOT);
        String namespace = labels.get(ResourceLabels.OWNER_PID_NAMESPACE);
        String ticks = labels.get(ResourceLabels.OWNER_START_TICKS);
        if (boot == null || namespace == null || ticks == null || system.bootId() == null) {
            return Verdict.UNKNOWN; // labelled by an older version or on a system without /proc
        }
        if (!boot.equals(system.bootId())) {
            return Verdict.DEAD; // this machine has rebooted since: every process of that boot is gone
        }
        if (!namespace.equals(system.pidNamespace())) {
            return Verdict.UNKNOWN;
        }
        long pid;
        long recordedTicks;
        try {
            pid = Long.parseLong(pidText);
            recordedTicks = Long.parseLong(ticks);
        } catch (NumberFormatException e) {
            return Verdict.UNKNOWN;
        }
        OptionalLong actual = system.startTicks(pid);
        if (actual.isPresent()) {
            return actual.getAsLong() == recordedTicks ? Verdict.ALIVE : Verdict.DEAD;
        }
        if (system.startTicks(system.selfPid()).isEmpty()) {
            return Verdict.UNKNOWN; // /proc is not readable at all
        }
        boolean seesEveryProcess = !system.procHidesPids() || system.uid() == 0
                || String.valueOf(system.uid()).equals(labels.get(ResourceLabels.OWNER_UID));
        return seesEveryProcess ? Verdict.DEAD : Verdict.UNKNOWN;
    }

    /**
     * What this process knows about the machine it runs on, read from {@code procRoot} (normally
     * {@code /proc}) and the machine-id file; tests point it at a prepared folder.
     */
    static class LocalSystem {
        static final LocalSystem LIVE = new LocalSystem(Path.of("/proc"), Path.of("/etc/machine-id"));

        private final Path proc;
        private final Path machineIdFile;
        private volatile Identity identity;

        LocalSystem(Path proc, Path machineIdFile) {
            this.proc = proc;
            this.machineIdFile = machineIdFile;
        }

        private record Identity(String host, String machineId, String bootId, String pidNamespace, long uid) {
        }

        private Identity identity() {
            Identity result = identity;
            if (result == null) {
                result = new Identity(ResourceLabels.localHostName(), firstLine(machineIdFile),
                        firstLine(proc.resolve("sys/kernel/random/boot_id")), pidNamespaceOf(proc.resolve("self")),
                        uidOf(proc.resolve("self")));
                identity = result;
            }
            return result;
        }

        String hostName() {
            return identity().host();
        }

        String machineId() {
            return identity().machineId();
        }

        String bootId() {
            return identity().bootId();
        }

        String pidNamespace() {
            return identity().pidNamespace();
        }

        long uid() {
            return identity().uid();
        }

        long selfPid() {
            return ProcessHandle.current().pid();
        }

        /** Field 22 of {@code /proc/<pid>/stat}: the start time in clock ticks after boot. */
        OptionalLong startTicks(long pid) {
            try {
                String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return OptionalLong.of(Long.parseLong(fields[19]));
            } catch (IOException | RuntimeException goneOrHidden) {
                return OptionalLong.empty();
            }
        }

        /** Whether {@code /proc} is mounted with {@code hidepid} (other users' processes invisible). */
        boolean procHidesPids() {
            try {
                for (String line : Files.readAllLines(proc.resolve("self/mountinfo"))) {
                    String[] parts = line.split(" - ");
                    if (parts.length == 2 && line.split(" ")[4].equals("/proc")) {
                        String options = parts[1];
                        return options.matches(".*\\bhidepid=(?!0\\b|off\\b)[^,\\s]+.*");
                    }
                }
                return false;
            } catch (IOException | RuntimeException e) {
                return true; // cannot tell: assume the worst
            }
        }

        private static String firstLine(Path file) {
            try {
                String text = Files.readString(file).trim();
                return text.isEmpty() ? null : text.lines().findFirst().orElse(null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static String pidNamespaceOf(Path process) {
            try {
                Path link = process.resolve("ns/pid");
                return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : firstLine(link);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long uidOf(Path process) {
            try {
                for (String line : Files.readAllLines(process.resolve("status"))) {
                    if (line.startsWith("Uid:")) {
                        return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unknown
            }
            return -1;
        }
    }

    /** The labels that identify process {@code pid} of this machine as owner (see {@link ResourceLabels}). */
    static void putOwner(Map<String, String> labels, long pid) {
        LocalSystem system = LocalSystem.LIVE;
        putIfKnown(labels, ResourceLabels.OWNER_MACHINE, system.machineId());
        putIfKnown(labels, ResourceLabels.OWNER_BOOT, system.bootId());
        putIfKnown(labels, ResourceLabels.OWNER_PID_NAMESPACE, pidNamespaceOf(pid));
        long uid = LocalSystem.uidOf(Path.of("/proc", Long.toString(pid)));
        if (uid >= 0) {
            labels.put(ResourceLabels.OWNER_UID, Long.toString(uid));
        }
        system.startTicks(pid).ifPresent(t -> labels.put(ResourceLabels.OWNER_START_TICKS, Long.toString(t)));
    }

    private static String pidNamespaceOf(long pid) {
        return LocalSystem.pidNamespaceOf(Path.of("/proc", Long.toString(pid)));
    }

    private static void putIfKnown(Map<String, String> labels, String key, String value) {
        if (value != null) {
            labels.put(key, value);
        }
    }
}
