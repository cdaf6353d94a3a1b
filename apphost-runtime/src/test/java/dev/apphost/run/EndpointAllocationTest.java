package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.TestApps;
import dev.apphost.model.AppModel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointAllocationTest {

    @Test
    void allocatedPortsAreFreeAndUnique() {
        PortAllocator ports = new PortAllocator();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(ports.allocate())).isTrue();
        }
        ports.releaseAll();
    }

    @Test
    void anAllocatedPortIsHeldUntilItsResourceIsAboutToStart() throws Exception {
        var b = TestApps.builder(Map.of());
        b.addExecutable("a", "true", ".").withHttpEndpoint(null, null, "http");
        b.addExecutable("b", "true", ".").withHttpEndpoint(null, null, "http");
        AppModel model = b.build().model();
        EndpointAllocation allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        int a = allocation.find("a", "http").hostPort();
        int other = allocation.find("b", "http").hostPort();
        try {
            // Another program binding ports itself (any address) cannot take it in the meantime.
            assertThat(canBind(a)).isFalse();
            allocation.release("a");
            assertThat(canBind(a)).as("released for its resource").isTrue();
            assertThat(canBind(other)).as("b's port is still held").isFalse();
        } finally {
            allocation.releaseAll();
        }
        assertThat(canBind(other)).isTrue();
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void processesListenOnTargetPortElsePortElseAllocated() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("a", "true", ".").withHttpEndpoint(null, null, "http");
        b.addExecutable("b", "true", ".").withHttpEndpoint(null, 45123, "http");
        b.addExecutable("c", "true", ".").withHttpEndpoint(45124, null, "http");
        AppModel model = b.build().model();
        EndpointAllocation allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        var a = allocation.find("a", "http");
        assertThat(a.hostPort()).isEqualTo(a.targetPort()).isPositive();
        assertThat(allocation.find("b", "http").hostPort()).isEqualTo(45123);
        assertThat(allocation.find("c", "http").targetPort()).isEqualTo(45124);
        assertThat(allocation.problems()).isEmpty();
    }

    @Test
    void aFixedPortInUseFailsThatResourceNamingPortAndResource() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            var b = TestApps.builder(Map.of());
            b.addExecutable("fixed", "true", ".").withHttpEndpoint(port, null, "http");
            b.addExecutable("free", "true", ".").withHttpEndpoint();
            EndpointAllocation allocation = EndpointAllocation.allocate(b.build().model().computeResources(),
                    new PortAllocator());
            assertThat(allocation.problem("fixed")).contains("Port " + port).contains("'fixed'")
                    .contains("already in use");
            assertThat(allocation.problem("free")).isNull();
        }
    }

    @Test
    void containersNeedATargetPortAndGetAHostPort() {
        var b = TestApps.builder(Map.of());
        b.addContainer("nginx", "nginx", "1").withHttpEndpoint(null, null, "http");
        b.addContainer("ok", "nginx", "1").withHttpEndpoint(null, 80, "http");
        EndpointAllocation allocation = EndpointAllocation.allocate(b.build().model().computeResources(),
                new PortAllocator());
        assertThat(allocation.problem("nginx"))
                .isEqualTo("The endpoint 'http' for container resource 'nginx' must specify the TargetPort value");
        assertThat(allocation.find("ok", "http").targetPort()).isEqualTo(80);
        assertThat(allocation.find("ok", "http").hostPort()).isNotEqualTo(80).isPositive();
    }

    @Test
    void differentPortAndTargetPortOnAProcessIsRejected() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("x", "true", ".").withHttpEndpoint(45130, 45131, "http");
        EndpointAllocation allocation = EndpointAllocation.allocate(b.build().model().computeResources(),
                new PortAllocator());
        assertThat(allocation.problem("x")).contains("45130").contains("45131");
    }
}
