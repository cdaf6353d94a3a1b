package dev.apphost.containers;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerRuntimeArgsTest {

    @Test
    void parsesBothValueFormsAndSizes() {
        ContainerRuntimeArgs args = ContainerRuntimeArgs.parse("--memory=512m", "--shm-size", "1g", "--cpus", "1.5");
        HostConfig hc = args.applyTo(HostConfig.newHostConfig());
        assertThat(hc.getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(hc.getShmSize()).isEqualTo(1024L * 1024 * 1024);
        assertThat(hc.getNanoCPUs()).isEqualTo(1_500_000_000L);
    }

    @Test
    void shortOptionsInAllForms() {
        ContainerRuntimeArgs args = ContainerRuntimeArgs.parse("-m", "256m", "-u", "1000:1000", "-h=myhost", "-lteam=blue");
        assertThat(args.applyTo(HostConfig.newHostConfig()).getMemory()).isEqualTo(256L << 20);
        assertThat(args.user()).contains("1000:1000");
        assertThat(args.hostname()).contains("myhost");
        assertThat(args.labels()).containsExactly(Map.entry("team", "blue"));
    }

    @Test
    void sizeUnits() {
        assertThat(ContainerRuntimeArgs.parseSize("--memory", "1024")).isEqualTo(1024);
        assertThat(ContainerRuntimeArgs.parseSize("--memory", "2k")).isEqualTo(2048);
        assertThat(ContainerRuntimeArgs.parseSize("--memory", "1GiB")).isEqualTo(1L << 30);
        assertThat(ContainerRuntimeArgs.parseSize("--memory", "1.5g")).isEqualTo(3L << 29);
        assertThat(ContainerRuntimeArgs.parseSize("--memory", "64MB")).isEqualTo(64L << 20);
    }

    @Test
    void repeatableOptionsAccumulate() {
        ContainerRuntimeArgs args = ContainerRuntimeArgs.parse("--cap-add", "NET_ADMIN", "--cap-add=cap_sys_ptrace",
                "--cap-drop", "ALL", "--add-host", "db:10.0.0.5", "--add-host=cache=10.0.0.6",
                "--ulimit", "nofile=1024:2048", "--ulimit=nproc=512", "--tmpfs", "/run:rw,size=64m", "--tmpfs=/cache");
        HostConfig hc = args.applyTo(HostConfig.newHostConfig());
        assertThat(hc.getCapAdd()).containsExactly(Capability.NET_ADMIN, Capability.SYS_PTRACE);
        assertThat(hc.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(args.extraHosts()).containsExactly("db:10.0.0.5", "cache:10.0.0.6");
        assertThat(hc.getUlimits()).extracting(Ulimit::getName, Ulimit::getSoft, Ulimit::getHard)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nofile", 1024, 2048),
                        org.assertj.core.groups.Tuple.tuple("nproc", 512, 512));
        assertThat(hc.getTmpFs()).containsExactly(Map.entry("/run", "rw,size=64m"), Map.entry("/cache", ""));
    }

    @Test
    void booleanFlags() {
        HostConfig hc = ContainerRuntimeArgs.parse("--privileged", "--read-only").applyTo(HostConfig.newHostConfig());
        assertThat(hc.getPrivileged()).isTrue();
        assertThat(hc.getReadonlyRootfs()).isTrue();
        HostConfig off = ContainerRuntimeArgs.parse("--privileged=false").applyTo(HostConfig.newHostConfig());
        assertThat(off.getPrivileged()).isNull();
    }

    @Test
    void gpus() {
        var all = ContainerRuntimeArgs.parse("--gpus", "all").applyTo(HostConfig.newHostConfig()).getDeviceRequests().get(0);
        assertThat(all.getCount()).isEqualTo(-1);
        assertThat(all.getCapabilities()).containsExactly(List.of("gpu"));
        var devices = ContainerRuntimeArgs.parse("--gpus=\"device=0,2\"").applyTo(HostConfig.newHostConfig()).getDeviceRequests().get(0);
        assertThat(devices.getDeviceIds()).containsExactly("0", "2");
        var two = ContainerRuntimeArgs.parse("--gpus", "2").applyTo(HostConfig.newHostConfig()).getDeviceRequests().get(0);
        assertThat(two.getCount()).isEqualTo(2);
    }

    @Test
    void unsupportedOptionNamesTheArgAndListsSupported() {
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("--memory=1g", "--network=host"))
                .isInstanceOf(UnsupportedContainerRuntimeArgException.class)
                .hasMessageContaining("'--network=host'")
                .hasMessageContaining("--memory/-m")
                .hasMessageContaining("--read-only");
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("nonsense"))
                .isInstanceOf(UnsupportedContainerRuntimeArgException.class).hasMessageContaining("'nonsense'");
    }

    @Test
    void invalidValuesAreReported() {
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("--memory", "lots"))
                .isInstanceOf(InvalidContainerRuntimeArgException.class).hasMessageContaining("'lots'").hasMessageContaining("--memory");
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("--cpus"))
                .isInstanceOf(InvalidContainerRuntimeArgException.class).hasMessageContaining("(missing)");
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("--cap-add", "FLY"))
                .isInstanceOf(InvalidContainerRuntimeArgException.class).hasMessageContaining("FLY");
        assertThatThrownBy(() -> ContainerRuntimeArgs.parse("--tmpfs", "relative"))
                .isInstanceOf(InvalidContainerRuntimeArgException.class);
    }

    @Test
    void emptyAndEquality() {
        assertThat(ContainerRuntimeArgs.NONE.isEmpty()).isTrue();
        assertThat(ContainerRuntimeArgs.parse("--cpus", "1")).isEqualTo(ContainerRuntimeArgs.parse(List.of("--cpus", "1")));
        assertThat(ContainerRuntimeArgs.parse("--cpus", "1").original()).containsExactly("--cpus", "1");
    }
}
