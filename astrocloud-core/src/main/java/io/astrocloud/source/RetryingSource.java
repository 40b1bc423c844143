package io.astrocloud.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Retries reads that failed for a passing reason ({@link SourceException#retryable()}) under a
 * {@link RetryPolicy}. Other failures, and the last retryable one, go to the caller unchanged,
 * with the number of attempts added to the message.
 */
public final class RetryingSource implements RangeSource {
    private final RangeSource inner;
    private final RetryPolicy policy;

    /** @param inner the source to retry; @param policy how to retry */
    public RetryingSource(RangeSource inner, RetryPolicy policy) {
        this.inner = inner;
        this.policy = policy;
    }

    @Override
    public String url() {
        return inner.url();
    }

    @Override
    public FetchedRange read(RangeRequest request) throws IOException {
        return retry(() -> inner.read(request));
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        return retry(() -> inner.open(offset, ifMatch));
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    private <T> T retry(Attempt<T> attempt) throws IOException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SourceException e) {
                if (!e.retryable() || n >= policy.maxAttempts()) {
                    if (n > 1) {
                        e.addSuppressed(new IOException("gave up after " + n + " attempts"));
                    }
                    throw e;
                }
                sleep(policy.delayAfter(n, e));
            }
        }
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException;
    }
}
