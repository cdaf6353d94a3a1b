package dev.apphost.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortMappingTest {

    @Test
    void resolvesByValueNotPosition() {
        PortBinding allocated = PortBinding.tcp(80);
        PortBinding fixed = PortBinding.tcp(80, 18080);
        // The engine reports the fixed binding first even though it was requested second.
        Map<ExposedPort, Ports.Binding[]> reported = Map.of(ExposedPort.tcp(80), new Ports.Binding[]{
                Ports.Binding.bindIpAndPort("127.0.0.1", 18080), Ports.Binding.bindIpAndPort("127.0.0.1", 32768)});
        List<PublishedPort> resolved = PortMapping.resolve(List.of(allocated, fixed), reported);
        assertThat(resolved).extracting(PublishedPort::hostPort).containsExactly(32768, 18080);
        assertThat(resolved.get(0).binding()).isSameAs(allocated);
    }

    @Test
    void bindsOnLoopbackOnly() {
        Ports ports = PortMapping.toPorts(List.of(PortBinding.tcp(80), PortBinding.udp(53)));
        assertThat(ports.getBindings().values()).allSatisfy(bindings ->
                assertThat(bindings).allMatch(b -> b.getHostIp().equals("127.0.0.1")));
        assertThat(ports.getBindings()).containsKey(ExposedPort.udp(53));
    }

    @Test
    void missingBindingIsAnError() {
        assertThatThrownBy(() -> PortMapping.resolve(List.of(PortBinding.tcp(80)), Map.of()))
                .isInstanceOf(ContainerEngineException.class).hasMessageContaining("80");
    }

    @Test
    void takenPortIsReadFromTheEngineMessage() {
        ContainerSpec spec = ContainerSpec.builder("web", "local/httpd:1").port(PortBinding.tcp(80, 18090)).build();
        assertThat(DockerJavaContainerEngine.takenPort(spec,
                "driver failed programming external connectivity on endpoint web: Bind for 127.0.0.1:18091 failed: port is already allocated"))
                .isEqualTo(18091);
        assertThat(DockerJavaContainerEngine.takenPort(spec, "something else")).isEqualTo(18090);
    }
}
