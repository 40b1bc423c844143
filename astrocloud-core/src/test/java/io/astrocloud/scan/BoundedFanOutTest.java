package io.astrocloud.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fan-out under the scanner and the backfill: the bound, every item once, and a throwing task. */
@Timeout(30)
class BoundedFanOutTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsEveryItemOnceWithNoMoreThanTheBoundInFlight() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        BoundedFanOut<Integer, Integer> out = new BoundedFanOut<>(IntStream.range(0, 500).iterator(), i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i * 2;
        }, pool, 5);
        List<Integer> results = new ArrayList<>();
        out.forEachRemaining(results::add);
        assertThat(results).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 500).map(i -> i * 2).boxed().toList());
        assertThat(most.get()).isBetween(2, 5);
    }

    @Test
    void aTaskThatThrowsFailsTheIterationInsteadOfLeavingItWaiting() {
        BoundedFanOut<Integer, Integer> out = new BoundedFanOut<>(IntStream.range(0, 10).iterator(), i -> {
            if (i == 3) {
                throw new StackOverflowError("task 3");
            }
            return i;
        }, pool, 4);
        assertThatThrownBy(() -> out.forEachRemaining(i -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("task 3");
    }
}
