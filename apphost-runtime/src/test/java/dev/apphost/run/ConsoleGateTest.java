package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Output before the Running line is held, in order, and only up to a bound. */
class ConsoleGateTest {

    @Test
    void holdsUpToTheBoundThenTheWriterWaitsUntilTheGateOpens() throws Exception {
        ConsoleGate gate = new ConsoleGate();
        List<Integer> printed = new CopyOnWriteArrayList<>();
        long batch = ConsoleGate.MAX_HELD_BYTES / 4;
        Thread pump = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                int n = i;
                gate.print(batch, () -> printed.add(n));
            }
        });
        pump.start();
        while (pump.getState() != Thread.State.WAITING && pump.isAlive()) {
            Thread.sleep(5);
        }
        assertThat(pump.isAlive()).as("the pump waits for the gate").isTrue();
        assertThat(gate.heldBytes()).isLessThanOrEqualTo(ConsoleGate.MAX_HELD_BYTES);
        assertThat(printed).isEmpty();
        gate.open();
        pump.join();
        assertThat(printed).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(gate.heldBytes()).isZero();
    }

    @Test
    void oneBatchLargerThanTheBoundIsHeldAnyway() {
        ConsoleGate gate = new ConsoleGate();
        List<String> printed = new CopyOnWriteArrayList<>();
        gate.print(ConsoleGate.MAX_HELD_BYTES * 2, () -> printed.add("big"));
        assertThat(printed).isEmpty();
        gate.open();
        gate.print(10, () -> printed.add("after"));
        assertThat(printed).containsExactly("big", "after");
    }
}
