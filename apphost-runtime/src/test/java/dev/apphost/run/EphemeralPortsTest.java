package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EphemeralPortsTest {

    @Test
    void candidatesLieBelowTheEphemeralRange() {
        for (int i = 0; i < 1000; i++) {
            assertThat(EphemeralPorts.candidateBelow(32_768)).isBetween(16_384, 32_767);
            assertThat(EphemeralPorts.candidateBelow(49_152)).isBetween(32_768, 49_151);
        }
    }

    @Test
    void noRoomBelowTheRangeLetsTheKernelChoose() {
        assertThat(EphemeralPorts.candidateBelow(1_024)).isZero();
        assertThat(EphemeralPorts.candidateBelow(10_500)).isZero();
    }

    @Test
    void theRangeIsReadFromProcOrAssumed(@TempDir Path dir) throws Exception {
        Path range = dir.resolve("ip_local_port_range");
        Files.writeString(range, "40000\t60999\n");
        assertThat(EphemeralPorts.readLow(range)).isEqualTo(40_000);
        assertThat(EphemeralPorts.readLow(dir.resolve("missing"))).isIn(32_768, 49_152);
    }

    @Test
    void allocatedPortsAreOutsideTheRangeOutgoingConnectionsUse() throws Exception {
        Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc), "no /proc ephemeral range here");
        int low = EphemeralPorts.readLow(proc);
        org.junit.jupiter.api.Assumptions.assumeTrue(low > EphemeralPorts.FLOOR + 1_000, "no room below the range");
        PortAllocator ports = new PortAllocator();
        for (int i = 0; i < 20; i++) {
            int port = ports.allocate();
            assertThat(port).isLessThan(low);
            assertThat(ports.isFree(port)).as("held until released").isFalse();
            ports.release(port);
        }
    }
}
