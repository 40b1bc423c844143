package io.astrocloud.index;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Forces an interleaving of events: an indexer whose DynamoDB client stops before a chosen request
 * (the {@code n}-th request matching a predicate) until the test lets it go, or fails it there as
 * DynamoDB's throttling would after the SDK's retries. Each event gets its own client, so the test
 * decides, request by request, which event runs.
 */
final class Choreography implements ExecutionInterceptor {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Predicate<SdkRequest> matches;
    private final int occurrence;
    private final boolean fail;
    private final AtomicInteger seen = new AtomicInteger();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);

    private Choreography(Predicate<SdkRequest> matches, int occurrence, boolean fail) {
        this.matches = matches;
        this.occurrence = occurrence;
        this.fail = fail;
    }

    /** Stops before the {@code occurrence}-th request (1-based) that {@code matches}, until {@link #release()}. */
    static Choreography pauseAt(Predicate<SdkRequest> matches, int occurrence) {
        return new Choreography(matches, occurrence, false);
    }

    /** Fails the {@code occurrence}-th request that {@code matches} with throttling, as after the SDK's retries. */
    static Choreography failAt(Predicate<SdkRequest> matches, int occurrence) {
        return new Choreography(matches, occurrence, true);
    }

    /** Never stops. */
    static Choreography none() {
        return new Choreography(r -> false, 1, false);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!matches.test(context.request()) || seen.incrementAndGet() != occurrence) {
            return;
        }
        if (fail) {
            throw IndexTable.throttled("throttled past the retries (forced by the test)");
        }
        arrived.countDown();
        try {
            if (!go.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the paused request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the event has reached the chosen request; false if it finished without reaching it. */
    boolean awaitArrival(CompletableFuture<?> event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (arrived.await(10, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (event.isDone()) {
                return arrived.getCount() == 0;
            }
        }
        throw new IllegalStateException("the event neither reached the chosen request nor finished");
    }

    /** Lets the paused request go. */
    void release() {
        go.countDown();
    }
}
