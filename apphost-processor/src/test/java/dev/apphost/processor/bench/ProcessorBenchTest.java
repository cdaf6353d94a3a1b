package dev.apphost.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable: a tiny reactor, no timing claims. */
class ProcessorBenchTest {

    @Test
    void runsOnASmallReactor() throws Exception {
        ProcessorBench.Result result = ProcessorBench.run(60, 0, 1, null);

        assertThat(result.modules()).isEqualTo(60);
        assertThat(result.baselineMs()).isPositive();
        assertThat(result.processorMs()).isPositive();
        assertThat(result.noopMs()).isPositive();
        assertThat(result.scanMs()).isPositive();
    }
}
