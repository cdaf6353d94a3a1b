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
}
