package dev.apphost.containers;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("docker")
class OrphanSweeperTest {

    @Test
    void removesResourcesOfDeadOwnersOnlyContainersFirst() throws Exception {
        try (ContainerEngine engine = EngineTestSupport.engineOrSkip()) {
            EngineTestSupport.requireImages(engine, EngineTestSupport.BUSYBOX);
            String session = "sweep-" + EngineTestSupport.randomSuffix();
            Process owner = new ProcessBuilder("sleep", "60").start();
            Map<String, String> orphanLabels = ResourceLabels.forSession(session, owner.toHandle()).build();
            Map<String, String> liveLabels = ResourceLabels.forSession(session).build();
            try {
                engine.createNetwork("net-" + session, orphanLabels);
                engine.createAndStart(ContainerSpec.builder("orphan-" + session, EngineTestSupport.BUSYBOX)
                        .labels(orphanLabels).network("net-" + session).args("sleep", "60").build());
                engine.createAndStart(ContainerSpec.builder("alive-" + session, EngineTestSupport.BUSYBOX)
                        .labels(liveLabels).args("sleep", "60").build());
                owner.destroyForcibly().waitFor();

                RemovalResult swept = OrphanSweeper.sweep(engine);

                assertThat(swept.containers()).isGreaterThanOrEqualTo(1);
                assertThat(swept.networks()).isGreaterThanOrEqualTo(1);
                assertThat(engine.listContainers(ResourceLabels.sessionFilter(session)))
                        .extracting(ManagedContainer::name).containsExactly("alive-" + session);
                assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).isEmpty();
            } finally {
                owner.destroyForcibly();
                engine.removeAll(ResourceLabels.sessionFilter(session));
            }
        }
    }

    @Test
    void leavesContainersOfAnOwnerInAnotherPidNamespaceWhoseNumberIsFreeHere() throws Exception {
        try (ContainerEngine engine = EngineTestSupport.engineOrSkip()) {
            EngineTestSupport.requireImages(engine, EngineTestSupport.BUSYBOX);
            String session = "sweepns-" + EngineTestSupport.randomSuffix();
            Process gone = new ProcessBuilder("sleep", "60").start();
            Map<String, String> labels = new java.util.HashMap<>(ResourceLabels.forSession(session, gone.toHandle()).build());
            gone.destroyForcibly().waitFor();
            // An AppHost in a dev container sharing the engine's socket: same host name, its own PID namespace.
            labels.put(ResourceLabels.OWNER_PID_NAMESPACE, "pid:[4026599999]");
            try {
                engine.createAndStart(ContainerSpec.builder("foreign-" + session, EngineTestSupport.BUSYBOX)
                        .labels(labels).args("sleep", "60").build());
                OrphanSweeper.sweep(engine);
                assertThat(engine.listContainers(ResourceLabels.sessionFilter(session)))
                        .extracting(ManagedContainer::name).containsExactly("foreign-" + session);
            } finally {
                engine.removeAll(ResourceLabels.sessionFilter(session));
            }
        }
    }
}
