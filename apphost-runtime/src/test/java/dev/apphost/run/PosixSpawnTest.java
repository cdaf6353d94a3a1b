package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apphost.watchdog.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One posix_spawn per child: own session, pipes, exit codes, nothing of the JVM's leaks in. */
class PosixSpawnTest {

    @BeforeEach
    void linuxGlibc() {
        assumeTrue(PosixSpawn.AVAILABLE, "posix_spawn with POSIX_SPAWN_SETSID needs Linux and glibc 2.34+");
    }

    @Test
    void aChildLeadsItsSessionGetsItsDirectoryAndEnvironmentAndReportsItsExitCode(@TempDir Path dir) throws Exception {
        PosixSpawn.Spawned child = PosixSpawn.spawn(List.of("/bin/sh", "-c",
                "echo \"$GREETING from $(pwd)\"; echo oops >&2; ls /proc/self/fd; sleep 0.3; exit 3"), dir,
                Map.of("GREETING", "hello", "PATH", "/usr/bin:/bin"));
        assertThat(ProcStat.session(child.pid())).isEqualTo(child.pid());
        assertThat(ProcStat.processGroup(child.pid())).isEqualTo(child.pid());
        List<String> out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String err = new String(child.stderr().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exit().get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(out.get(0)).isEqualTo("hello from " + dir.toRealPath());
        // ls sees stdin, stdout, stderr and its own directory handle: none of the JVM's descriptors
        assertThat(out.subList(1, out.size())).containsExactly("0", "1", "2", "3");
        assertThat(err).isEqualTo("oops\n");
    }

    @Test
    void aChildKilledByASignalReports128PlusTheSignal(@TempDir Path dir) throws Exception {
        PosixSpawn.Spawned child = PosixSpawn.spawn(List.of("/bin/sleep", "60"), dir, Map.of());
        assertThat(PosixSpawn.signalGroup(child.pid(), PosixSpawn.SIGKILL)).isTrue();
        assertThat(child.exit().get(30, TimeUnit.SECONDS)).isEqualTo(137);
    }

    @Test
    void aMissingProgramIsReportedWithTheReason(@TempDir Path dir) {
        assertThatThrownBy(() -> PosixSpawn.spawn(List.of("/no/such/program"), dir, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("No such file or directory");
    }
}
