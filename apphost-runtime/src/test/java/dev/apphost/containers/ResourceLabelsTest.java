package dev.apphost.containers;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceLabelsTest {

    @Test
    void sessionLabelsNameOwnerAppAndResource() {
        Map<String, String> labels = ResourceLabels.forSession("s1").app("shop").resource("cache").build();
        assertThat(labels).containsEntry(ResourceLabels.MANAGED, "true")
                .containsEntry(ResourceLabels.SESSION, "s1")
                .containsEntry(ResourceLabels.OWNER_PID, Long.toString(ProcessHandle.current().pid()))
                .containsEntry(ResourceLabels.APP, "shop")
                .containsEntry(ResourceLabels.RESOURCE, "cache")
                .containsKeys(ResourceLabels.OWNER_START, ResourceLabels.OWNER_HOST);
        assertThat(labels.keySet()).allMatch(k -> k.startsWith("dev.apphost."));
    }

    @Test
    void persistentLabelsHaveNoSessionOrOwner() {
        Map<String, String> labels = ResourceLabels.persistent().resource("db").build();
        assertThat(labels).containsOnlyKeys(ResourceLabels.MANAGED, ResourceLabels.RESOURCE);
        assertThat(ResourceLabels.ownerIsDead(labels)).isFalse();
    }

    @Test
    void filters() {
        assertThat(ResourceLabels.sessionFilter("s1"))
                .isEqualTo(Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.SESSION, "s1"));
        assertThat(ResourceLabels.managedFilter()).isEqualTo(Map.of(ResourceLabels.MANAGED, "true"));
    }

    @Test
    void ownerLivenessUsesPidStartAndHost() throws Exception {
        Map<String, String> mine = ResourceLabels.forSession("s1").build();
        assertThat(ResourceLabels.ownerIsDead(mine)).isFalse();

        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> childs = ResourceLabels.forSession("s2", child.toHandle()).build();
        assertThat(ResourceLabels.ownerIsDead(childs)).isFalse();
        child.destroyForcibly().waitFor();
        assertThat(ResourceLabels.ownerIsDead(childs)).isTrue();

        Map<String, String> reused = new HashMap<>(mine);
        reused.put(ResourceLabels.OWNER_START_TICKS, "1"); // our PID, but someone else's start time
        assertThat(ResourceLabels.ownerIsDead(reused)).isTrue();

        Map<String, String> elsewhere = new HashMap<>(childs);
        elsewhere.put(ResourceLabels.OWNER_HOST, "another-host");
        assertThat(ResourceLabels.ownerIsDead(elsewhere)).isFalse();
    }
}
