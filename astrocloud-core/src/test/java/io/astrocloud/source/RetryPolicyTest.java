package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.settings.Defaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The backoff, its jitter and the server's Retry-After, with the random draw and the clock injected. */
class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(10));
    private static final SourceException BUSY = new SourceException(SourceException.Reason.TRANSIENT, "https://h/x",
            0, 503, null, "SlowDown", null);

    /** Always draws the lowest value allowed. */
    private static final RandomGenerator LOWEST = new Draw(true);
    /** Always draws the highest value allowed. */
    private static final RandomGenerator HIGHEST = new Draw(false);

    private record Draw(boolean lowest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new AssertionError("only bounded draws are expected");
        }

        @Override
        public long nextLong(long origin, long bound) {
            return lowest ? origin : bound - 1;
        }
    }

    private static SourceException retryAfter(Duration d) {
        return new SourceException(SourceException.Reason.TRANSIENT, "https://h/x", 0, 503, d, "SlowDown", null);
    }

    @Test
    void waitsBetweenHalfAndAllOfABackoffThatDoublesWithEachFailure() {
        for (int failure = 1; failure <= 5; failure++) {
            long backoff = 100L << (failure - 1);
            assertThat(POLICY.delayAfter(failure, BUSY, LOWEST)).as("failure " + failure)
                    .isEqualTo(Duration.ofMillis(backoff / 2));
            assertThat(POLICY.delayAfter(failure, BUSY, HIGHEST)).as("failure " + failure)
                    .isEqualTo(Duration.ofMillis(backoff));
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximumHoweverManyFailures() {
        assertThat(POLICY.delayAfter(9, BUSY, HIGHEST)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.delayAfter(9, BUSY, LOWEST)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.delayAfter(1_000, BUSY, HIGHEST)).isEqualTo(Duration.ofSeconds(10));
        Duration drawn = POLICY.delayAfter(3, BUSY);
        assertThat(drawn).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void takesTheServersRetryAfterUpToTheMaximum() {
        assertThat(POLICY.delayAfter(1, retryAfter(Duration.ofSeconds(3)), HIGHEST)).isEqualTo(Duration.ofSeconds(3));
        assertThat(POLICY.delayAfter(1, retryAfter(Duration.ofMinutes(2)), HIGHEST)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDateCountedFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(ErrorBody.retryAfter("Thu, 01 Jan 2026 00:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ErrorBody.retryAfter("120", clock)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ErrorBody.retryAfter("Wed, 31 Dec 2025 23:59:00 GMT", clock)).as("in the past").isZero();
        assertThat(ErrorBody.retryAfter("Fri, 02 Jan 2026 00:00:00 GMT", clock)).as("capped")
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ErrorBody.retryAfter("soon", clock)).isNull();
        assertThat(ErrorBody.retryAfter(null, clock)).isNull();
    }

    @Test
    void countsRetriesOnTopOfTheFirstAttempt() {
        assertThat(RetryPolicy.retries(0).maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.DEFAULT).isEqualTo(RetryPolicy.retries(Defaults.RETRIES));
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(Defaults.RETRIES + 1);
        assertThat(RetryPolicy.NONE.delayAfter(1, BUSY, HIGHEST)).isZero();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
