package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.ContainerLifetime;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.PortBinding;
import dev.apphost.model.ContainerResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration hash that decides between reuse and recreation. */
class PersistentContainersTest {

    private static ContainerResource cache() {
        var b = TestApps.builder(Map.of());
        b.addContainer("cache", "redis", "8.2").withLifetime(ContainerLifetime.PERSISTENT);
        return (ContainerResource) b.build().model().computeResources().get(0);
    }

    private static ContainerSpec.Builder spec(String name) {
        return ContainerSpec.builder(name, "docker.io/library/redis:8.2").env("A", "1").env("B", "2")
                .args("--save", "60").port(new PortBinding(6379, PortBinding.Protocol.TCP, 40000));
    }

    @Test
    void theHashIgnoresNamesLabelsNetworksAndEnvironmentOrder() {
        ContainerResource cache = cache();
        String hash = PersistentContainers.configHash(spec("a").build(), cache);
        ContainerSpec other = ContainerSpec.builder("b", "docker.io/library/redis:8.2").env("B", "2").env("A", "1")
                .args("--save", "60").port(new PortBinding(6379, PortBinding.Protocol.TCP, 40000))
                .network("apphost-xyz", "cache").label("x", "y").build();
        assertThat(PersistentContainers.configHash(other, cache)).isEqualTo(hash).hasSize(64);
    }

    @Test
    void theHashChangesWithEnvironmentArgsPortsAndImage() {
        ContainerResource cache = cache();
        String hash = PersistentContainers.configHash(spec("a").build(), cache);
        assertThat(PersistentContainers.configHash(spec("a").env("A", "changed").build(), cache)).isNotEqualTo(hash);
        assertThat(PersistentContainers.configHash(spec("a").args("--appendonly").build(), cache)).isNotEqualTo(hash);
        assertThat(PersistentContainers.configHash(spec("a").port(PortBinding.tcp(8080)).build(), cache))
                .isNotEqualTo(hash);
        ContainerSpec otherImage = ContainerSpec.builder("a", "docker.io/library/redis:8.4").env("A", "1").env("B", "2")
                .args("--save", "60").port(new PortBinding(6379, PortBinding.Protocol.TCP, 40000)).build();
        assertThat(PersistentContainers.configHash(otherImage, cache)).isNotEqualTo(hash);
    }

    @Test
    void aModelWithoutAStoredNameGetsAStableOne() {
        ContainerResource bare = new ContainerResource("cache", "redis", null, null, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null, Map.of(), cache().settings(),
                ContainerLifetime.PERSISTENT, null);
        assertThat(PersistentContainers.nameOf(bare, "shop")).isEqualTo(PersistentContainers.nameOf(bare, "shop"))
                .matches("cache-[0-9a-f]{8}").isNotEqualTo(PersistentContainers.nameOf(bare, "other"));
        assertThat(PersistentContainers.nameOf(cache(), "shop")).isEqualTo(cache().containerName());
    }

    @Test
    void withPersistentContainersOffEveryPersistentContainerRunsAsASessionOne() {
        var b = TestApps.builder(Map.of());
        b.addContainer("cache", "redis", "8.2").withLifetime(ContainerLifetime.PERSISTENT).withContainerName("shop-cache");
        b.addContainer("web", "local/httpd", "1").withContainerName("shop-web");
        var model = b.build().model();

        var kept = PersistentContainers.forRun(model, dev.apphost.Configuration.of(Map.of(), Map.of(), Map.of(), java.util.List.of()));
        assertThat(kept).isSameAs(model);

        var off = PersistentContainers.forRun(model, dev.apphost.Configuration.of(Map.of(), Map.of(), Map.of(),
                java.util.List.of("--" + ContainerLifetime.PERSISTENT_CONTAINERS_KEY + "=false")));
        ContainerResource cache = (ContainerResource) off.get("cache");
        assertThat(cache.persistent()).isFalse();
        assertThat(cache.containerName()).as("the fixed name belongs to the persistent container").isNull();
        assertThat(cache.image()).isEqualTo("redis");
        assertThat(cache.settings()).isSameAs(((ContainerResource) model.get("cache")).settings());
        assertThat(off.get("web")).as("a session container is left as it is").isSameAs(model.get("web"));
    }
}
