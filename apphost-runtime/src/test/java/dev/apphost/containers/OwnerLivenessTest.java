package dev.apphost.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.containers.OwnerLiveness.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a provably dead owner may lose its resources: other PID namespaces, other machines, a
 * hidden {@code /proc} and wall-clock steps must not make a live owner look dead, and a session
 * lease proves life (or death) across all of them.
 */
class OwnerLivenessTest {

    @TempDir
    Path temp;

    private final OwnerLiveness liveness = OwnerLiveness.local();

    @Test
    void aDeadOwnerOfThisBootAndNamespaceIsDeadAndALiveOneAlive() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> labels = ResourceLabels.forSession("s1", child.toHandle()).build();
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.ALIVE);
        child.destroyForcibly().waitFor();
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.DEAD);
    }

    @Test
    void aWallClockStepDoesNotMakeALiveOwnerDead() {
        Map<String, String> mine = new HashMap<>(ResourceLabels.forSession("s1").build());
        // The epoch start time as another JVM computes it after the clock moved by an hour.
        mine.put(ResourceLabels.OWNER_START, Long.toString(Long.parseLong(mine.get(ResourceLabels.OWNER_START)) - 3_600_000));
        assertThat(ResourceLabels.ownerIsDead(mine)).isFalse();
        mine.put(ResourceLabels.OWNER_START_TICKS, "1"); // our PID, but another process's start: reused
        assertThat(ResourceLabels.ownerIsDead(mine)).isTrue();
    }

    @Test
    void anOwnerInAnotherPidNamespaceIsLeftAloneEvenWhenItsPidIsFreeHere() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> labels = new HashMap<>(ResourceLabels.forSession("s1", child.toHandle()).build());
        child.destroyForcibly().waitFor();
        labels.put(ResourceLabels.OWNER_PID_NAMESPACE, "pid:[4026599999]"); // a dev container's namespace
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.UNKNOWN);
        assertThat(ResourceLabels.ownerIsDead(labels)).isFalse();
    }

    @Test
    void aRealAppHostInAnotherPidNamespaceIsNeverJudgedDead() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs util-linux unshare");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--pid", "--fork", "--mount-proc"));
        command.addAll(javaCommand("ns-session", "-"));
        Owner owner = Owner.start(command);
        Assumptions.assumeTrue(owner.labels != null, () -> "cannot create a PID namespace here: " + owner.failure);
        try {
            assertThat(owner.labels.get(ResourceLabels.OWNER_PID_NAMESPACE))
                    .isNotEqualTo(ResourceLabels.forSession("x").build().get(ResourceLabels.OWNER_PID_NAMESPACE));
            // Its PID (1 or 2 in there) is some other live process out here, with another start time.
            assertThat(liveness.judge(owner.labels)).isEqualTo(Verdict.UNKNOWN);
        } finally {
            owner.kill();
        }
        assertThat(liveness.judge(owner.labels)).as("cannot be proven dead from here either").isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void anotherMachineWithOurHostNameIsLeftAlone() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> labels = new HashMap<>(ResourceLabels.forSession("s1", child.toHandle()).build());
        child.destroyForcibly().waitFor();
        labels.put(ResourceLabels.OWNER_MACHINE, "0123456789abcdef0123456789abcdef");
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.UNKNOWN);
        labels.remove(ResourceLabels.OWNER_MACHINE); // an owner without /etc/machine-id (a container)
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void anOwnerOfAnEarlierBootIsDead() {
        Map<String, String> labels = new HashMap<>(ResourceLabels.forSession("s1").build());
        labels.put(ResourceLabels.OWNER_BOOT, "00000000-0000-0000-0000-000000000000");
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.DEAD);
    }

    @Test
    void labelsWithoutTheNewIdentityAreNotJudged() {
        Map<String, String> old = new HashMap<>();
        old.put(ResourceLabels.OWNER_PID, "999999999");
        old.put(ResourceLabels.OWNER_HOST, ResourceLabels.localHostName());
        old.put(ResourceLabels.OWNER_START, "1000");
        assertThat(liveness.judge(old)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aPidHiddenByHidepidIsNotTakenForDead() throws Exception {
        Map<String, String> labels = Map.of(ResourceLabels.OWNER_PID, "4242", ResourceLabels.OWNER_HOST,
                ResourceLabels.localHostName(), ResourceLabels.OWNER_BOOT, "boot-1", ResourceLabels.OWNER_PID_NAMESPACE,
                "pid:[4026531836]", ResourceLabels.OWNER_START_TICKS, "500", ResourceLabels.OWNER_UID, "1001");
        Path hidden = fakeProc("hidepid=2", 1000);
        Path open = fakeProc("", 1000);
        assertThat(judgeWith(hidden, labels)).isEqualTo(Verdict.UNKNOWN);
        assertThat(judgeWith(open, labels)).isEqualTo(Verdict.DEAD);
        Map<String, String> sameUser = new HashMap<>(labels);
        sameUser.put(ResourceLabels.OWNER_UID, "1000"); // hidepid never hides our own processes
        assertThat(judgeWith(hidden, sameUser)).isEqualTo(Verdict.DEAD);
        assertThat(judgeWith(fakeProc("hidepid=invisible", 0), labels)).as("root sees everything").isEqualTo(Verdict.DEAD);
        Map<String, String> alive = new HashMap<>(sameUser);
        alive.put(ResourceLabels.OWNER_PID, Long.toString(ProcessHandle.current().pid()));
        alive.put(ResourceLabels.OWNER_START_TICKS, "100");
        assertThat(judgeWith(hidden, alive)).isEqualTo(Verdict.ALIVE);
    }

    @Test
    void aHeldLeaseProvesLifeAndAFreeOneDeathWhateverThePidSays() throws Exception {
        Path leases = temp.resolve("leases");
        Owner owner = Owner.start(javaCommand("lease-session", leases.toString()));
        assertThat(owner.labels).as(owner.failure).isNotNull();
        Path lease = Path.of(owner.labels.get(ResourceLabels.OWNER_LEASE));
        assertThat(lease).isEqualTo(leases.resolve("lease-session.lease")).exists();
        Map<String, String> labels = new HashMap<>(owner.labels);
        labels.put(ResourceLabels.OWNER_PID, "999999999"); // a PID that looks dead
        try {
            assertThat(liveness.judge(labels)).isEqualTo(Verdict.ALIVE);
            assertThat(OwnerLease.probe(lease)).isEqualTo(OwnerLease.State.HELD);
        } finally {
            owner.kill();
        }
        labels.put(ResourceLabels.OWNER_PID, Long.toString(ProcessHandle.current().pid())); // a PID that looks alive
        labels.put(ResourceLabels.OWNER_START_TICKS, ResourceLabels.forSession("x").build().get(ResourceLabels.OWNER_START_TICKS));
        assertThat(liveness.judge(labels)).isEqualTo(Verdict.DEAD);
        assertThat(lease).as("a dead owner's lease is cleared").doesNotExist();
    }

    @Test
    void aLeaseHeldByThisJvmIsAliveAndItsLabelsCarryIt() {
        try (OwnerLease lease = OwnerLease.acquire("own-session", temp)) {
            Map<String, String> labels = ResourceLabels.forSession("own-session").build();
            assertThat(labels).containsEntry(ResourceLabels.OWNER_LEASE, lease.path().toString());
            assertThat(OwnerLease.probe(lease.path())).isEqualTo(OwnerLease.State.HELD);
            assertThat(liveness.judge(labels)).isEqualTo(Verdict.ALIVE);
        }
        assertThat(temp.resolve("own-session.lease")).doesNotExist();
        assertThat(ResourceLabels.forSession("own-session").build()).doesNotContainKey(ResourceLabels.OWNER_LEASE);
    }

    @Test
    void probingALeaseThisJvmHoldsKeepsItHeldForOtherProcesses() throws Exception {
        // This JVM's own sweep probes every lease, its own too, while its containers start.
        try (OwnerLease lease = OwnerLease.acquire("probed-session", temp)) {
            assertThat(OwnerLease.probe(lease.path())).isEqualTo(OwnerLease.State.HELD);
            assertThat(OwnerLease.removeAbandoned(temp)).isZero();
            Owner other = Owner.start(javaCommand("probed-session", temp.toString()));
            try {
                assertThat(other.labels).as("another process must find the lease taken").isNull();
                assertThat(other.failure).contains("held by another process");
            } finally {
                other.kill();
            }
            assertThat(lease.path()).exists();
        }
    }

    @Test
    void abandonedLeasesAreRemovedAndHeldOnesKept() throws Exception {
        Path abandoned = Files.writeString(temp.resolve("dead-session.lease"), "4242\n");
        try (OwnerLease held = OwnerLease.acquire("live-session", temp)) {
            assertThat(OwnerLease.removeAbandoned(temp)).isEqualTo(1);
            assertThat(abandoned).doesNotExist();
            assertThat(held.path()).exists();
        }
    }

    private Verdict judgeWith(Path proc, Map<String, String> labels) throws IOException {
        Path machineId = proc.resolve("machine-id");
        Files.writeString(machineId, "");
        return new OwnerLiveness(new OwnerLiveness.LocalSystem(proc, machineId)).judge(labels);
    }

    /** A folder laid out like /proc for a process of user {@code uid}, with {@code /proc} mounted with {@code options}. */
    private Path fakeProc(String options, long uid) throws IOException {
        Path proc = Files.createTempDirectory(temp, "proc");
        Path self = Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(self.resolve("pid"), "pid:[4026531836]\n");
        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
        Files.writeString(proc.resolve("self/mountinfo"), "22 27 0:21 / /proc rw,relatime - proc proc rw"
                + (options.isEmpty() ? "" : "," + options) + "\n");
        Files.createDirectories(proc.resolve("sys/kernel/random"));
        Files.writeString(proc.resolve("sys/kernel/random/boot_id"), "boot-1\n");
        Path mine = Files.createDirectories(proc.resolve(Long.toString(ProcessHandle.current().pid())));
        Files.writeString(mine.resolve("stat"), ProcessHandle.current().pid() + " (java) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n");
        return proc;
    }

    private static List<String> javaCommand(String session, String leaseDirectory) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                OwnerLabelsPrinter.class.getName(), session, leaseDirectory);
    }

    /** A stand-in app host process and the labels it printed. */
    private static final class Owner {
        final Process process;
        final Map<String, String> labels;
        final String failure;

        private Owner(Process process, Map<String, String> labels, String failure) {
            this.process = process;
            this.labels = labels;
            this.failure = failure;
        }

        static Owner start(List<String> command) throws IOException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, String> labels = new LinkedHashMap<>();
            StringBuilder output = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("READY")) {
                    return new Owner(process, labels, null);
                }
                output.append(line).append('\n');
                int eq = line.indexOf('=');
                if (eq > 0) {
                    labels.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return new Owner(process, null, output.toString());
        }

        void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
