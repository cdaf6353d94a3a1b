package dev.apphost.containers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerSpecTest {

    @Test
    void defaultsAndImmutability() {
        ContainerSpec spec = ContainerSpec.builder("web-1", "local/httpd:1").env("B", "2").env("A", "1").build();
        assertThat(spec.init()).isTrue();
        assertThat(spec.extraHosts()).containsExactly(ContainerSpec.HOST_GATEWAY_ENTRY);
        assertThat(spec.entrypoint()).isNull();
        assertThat(spec.runtimeArgs()).isEqualTo(ContainerRuntimeArgs.NONE);
        assertThat(spec.env().keySet()).containsExactly("B", "A");
        assertThatThrownBy(() -> spec.env().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.ports().add(PortBinding.tcp(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> ContainerSpec.builder("bad name", "x").build()).hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> ContainerSpec.builder("a", "x").bindMount(Path.of("rel"), "/t", true))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> PortBinding.tcp(0)).hasMessageContaining("containerPort");
        assertThatThrownBy(() -> ContainerSpec.builder("a", "x").network(null, "alias").build())
                .hasMessageContaining("network");
        assertThat(ContainerSpec.builder("a", "x").withoutHostGateway().build().extraHosts()).isEmpty();
    }
}
