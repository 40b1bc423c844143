package io.astrocloud.settings;

/**
 * The one place where astro-cloud's default settings are written. The library's option types
 * ({@code WalkOptions}, {@code AccessOptions}, {@code RetryPolicy}, {@code S3Access}), the command
 * line's options, the Camel component's options (and with them its generated documentation) and
 * the Lambda all take their defaults from here. The values are compile-time constants, so that
 * annotations can name them: {@code defaultValue = "" + Defaults.READ_AHEAD}.
 */
public final class Defaults {
    /**
     * Bytes asked for per ranged request: five 2880-byte blocks (14,400 bytes), measured
     * (BENCHMARKS.md). Headers end on block boundaries, so a window that stops inside a block can
     * only finish a header with one more request, and a window of whole blocks wastes whole blocks
     * at most: of the sizes measured, five blocks keep the large files within 1.04 of their header
     * bytes, where 16 KiB read 1.07, at four more requests over 27 small real files.
     */
    public static final int READ_AHEAD = 5 * 2880;
    /** The longest header accepted before giving up on finding END: 8 MiB, some 100,000 cards. */
    public static final int MAX_HEADER_BYTES = 8 * 1024 * 1024;
    /** Predicted headers fetched ahead, in parallel, when a file repeats a layout. */
    public static final int PREFETCH = 32;

    /** How long one request may take (and a stream may stall), in seconds. */
    public static final int REQUEST_TIMEOUT_SECONDS = 30;
    /** {@link #REQUEST_TIMEOUT_SECONDS} in milliseconds. */
    public static final long REQUEST_TIMEOUT_MILLIS = REQUEST_TIMEOUT_SECONDS * 1000L;
    /** How long connecting may take, in seconds. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Retries of a read that failed for a passing reason (attempts in all: one more). */
    public static final int RETRIES = 3;
    /** The backoff before the first retry, in milliseconds; it doubles with each retry after. */
    public static final int RETRY_INITIAL_DELAY_MILLIS = 100;
    /** The longest single wait between attempts, Retry-After included, in seconds. */
    public static final int RETRY_MAX_DELAY_SECONDS = 10;
    /** Bytes that may be read through and dropped when a server ignores Range: 8 MiB. */
    public static final long MAX_DISCARD = 8L * 1024 * 1024;

    /**
     * Objects walked at once by a scan: 128, measured (BENCHMARKS.md). At 20 ms per request one
     * object in flight completes at most 50 per second, so thousands per second need a hundred or
     * more in flight; past 128 the two cores, not the latency, were the limit (S3, server in its own
     * JVM: 1,085 files/s at 32, 2,063 at 128, 1,767 at 256).
     */
    public static final int CONCURRENCY = 128;
    /** Objects indexed at once: each holds an S3 read and DynamoDB writes. */
    public static final int INDEX_CONCURRENCY = 16;
    /** Connections an AWS SDK client keeps at least, whatever the concurrency. */
    public static final int MIN_CONNECTIONS = 64;

    private Defaults() {
    }

    /**
     * Connections an AWS SDK client needs for {@code requestsInFlight} requests at once: that many,
     * and never fewer than {@link #MIN_CONNECTIONS}.
     */
    public static int connections(int requestsInFlight) {
        return Math.max(MIN_CONNECTIONS, requestsInFlight);
    }
}
