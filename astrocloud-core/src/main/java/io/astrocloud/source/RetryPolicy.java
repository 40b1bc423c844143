package io.astrocloud.source;

import io.astrocloud.settings.Defaults;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently to retry a read that failed for a passing reason (5xx, 503
 * SlowDown, connection reset, timeout): exponential backoff with jitter, and the server's
 * Retry-After when it gives one (up to {@code maxDelay}). The wait after the n-th failure is drawn
 * at random between half and all of {@code initialDelay × 2^(n-1)}, capped at {@code maxDelay}
 * ("equal jitter": at least half the backoff is always waited, and the rest is random, so that
 * clients that failed together do not all retry together).
 *
 * @param maxAttempts  attempts in all, the first included (1 means no retry)
 * @param initialDelay backoff before the second attempt
 * @param maxDelay     the longest single wait, Retry-After included
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    /** The defaults ({@link Defaults}): four attempts, from 100 ms, never waiting more than 10 s at a time. */
    public static final RetryPolicy DEFAULT = retries(Defaults.RETRIES);
    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /** Validates the policy. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** {@code retries} retries (attempts in all: one more), with the default backoff. */
    public static RetryPolicy retries(int retries) {
        return new RetryPolicy(retries + 1, Duration.ofMillis(Defaults.RETRY_INITIAL_DELAY_MILLIS),
                Duration.ofSeconds(Defaults.RETRY_MAX_DELAY_SECONDS));
    }

    /** The wait before attempt {@code attempt + 1}, after {@code failure}. */
    public Duration delayAfter(int attempt, SourceException failure) {
        return delayAfter(attempt, failure, ThreadLocalRandom.current());
    }

    /** {@link #delayAfter(int, SourceException)} with the jitter drawn from {@code random}. */
    Duration delayAfter(int attempt, SourceException failure, RandomGenerator random) {
        if (failure.retryAfter() != null) {
            return min(failure.retryAfter(), maxDelay);
        }
        long cap = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long bounded = Math.min(cap, maxDelay.toMillis());
        return Duration.ofMillis(bounded <= 0 ? 0 : random.nextLong(bounded / 2, bounded + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
