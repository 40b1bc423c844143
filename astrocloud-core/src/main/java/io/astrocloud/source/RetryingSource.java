package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry layer of the source tier: retries reads that failed for a passing reason
 * ({@link SourceException#retryable()}) under a {@link RetryPolicy}, and resumes an opened stream
 * whose body broke off, from the byte reached and pinned to the ETag of the first response. Other
 * failures, and the last retryable one, go to the caller unchanged, with the number of attempts
 * added. Each retry is logged (WARN, the message redacted as every {@link SourceException}'s is).
 * Nothing above it retries again: downloads ({@link ObjectDownload}) and walks rely on it.
 */
final class RetryingSource implements RangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingSource.class);

    private final RangeSource inner;
    private final RetryPolicy policy;

    /** @param inner the source to retry; @param policy how to retry */
    RetryingSource(RangeSource inner, RetryPolicy policy) {
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

    /**
     * Opens the object from {@code offset}, retrying as {@link #read} does; the stream resumes
     * itself when its body breaks off, up to {@link RetryPolicy#maxAttempts()} failures in a row
     * without a byte gained.
     */
    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        ObjectStream first = retry(() -> inner.open(offset, ifMatch));
        return new ObjectStream(new ResumingStream(first, offset, ifMatch), first.object());
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
                giveUpOrWait(e, n);
            }
        }
    }

    /** Throws {@code e} when it is final or the {@code failures}-th in a row is the last allowed; else waits. */
    private void giveUpOrWait(SourceException e, int failures) throws IOException {
        if (!e.retryable() || failures >= policy.maxAttempts()) {
            if (failures > 1) {
                e.addSuppressed(new IOException("gave up after " + failures + " attempts"));
            }
            throw e;
        }
        Duration wait = policy.delayAfter(failures, e);
        LOG.warn("Attempt {} of {} failed, trying again in {} ms: {}", failures, policy.maxAttempts(),
                wait.toMillis(), e.getMessage());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException;
    }

    /**
     * A body that, when it breaks off (reset, cut short, stalled past the timeout), is opened
     * again from the byte reached with If-Match of the first response's ETag, and checked to be the
     * same object.
     */
    private final class ResumingStream extends InputStream {
        private final ObjectInfo object;
        private final String pin;
        private InputStream body;
        private long position;
        private int failures;

        ResumingStream(ObjectStream first, long offset, String ifMatch) {
            this.body = first;
            this.object = first.object();
            this.position = offset;
            String etag = object.etag();
            this.pin = ifMatch != null ? ifMatch : etag != null && !object.weakEtag() ? etag : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                try {
                    int n = body.read(b, off, len);
                    if (n > 0) {
                        position += n;
                        failures = 0;
                    } else if (n < 0 && object.sizeKnown() && position < object.size()) {
                        throw new SourceException(SourceException.Reason.TRANSIENT, url(), position,
                                "body ended early, " + (object.size() - position) + " bytes short");
                    }
                    return n;
                } catch (SourceException e) {
                    resume(e);
                }
            }
        }

        private void resume(SourceException broke) throws IOException {
            closeQuietly();
            SourceException last = broke;
            while (true) {
                giveUpOrWait(last, ++failures);
                try {
                    ObjectStream next = inner.open(position, pin);
                    if (!sameObject(next.object())) {
                        next.close();
                        throw new SourceException(SourceException.Reason.CHANGED, url(), position,
                                "was ETag " + object.etag() + " and " + object.size() + " bytes, now ETag "
                                        + next.object().etag() + " and " + next.object().size() + " bytes");
                    }
                    body = next;
                    return;
                } catch (SourceException e) {
                    last = e;
                }
            }
        }

        private boolean sameObject(ObjectInfo seen) {
            boolean etagMoved = object.etag() != null && seen.etag() != null && !object.etag().equals(seen.etag());
            boolean sizeMoved = object.sizeKnown() && seen.sizeKnown() && object.size() != seen.size();
            return !etagMoved && !sizeMoved;
        }

        private void closeQuietly() {
            try {
                body.close();
            } catch (IOException e) {
                // The broken body is abandoned; its failure is the one reported.
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
