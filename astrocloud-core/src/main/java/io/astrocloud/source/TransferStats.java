package io.astrocloud.source;

import java.util.concurrent.atomic.LongAdder;

/** Requests sent and bytes received, counted across threads. */
public final class TransferStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** Counts one request that brought {@code transferred} bytes. */
    public void record(long transferred) {
        requests.increment();
        bytes.add(transferred);
    }

    /** Counts one request that failed or brought nothing yet. */
    public void recordRequest() {
        requests.increment();
    }

    /** Adds bytes to the last request's count (for streams). */
    public void addBytes(long n) {
        bytes.add(n);
    }

    /** Adds {@code other}'s counts to these (totals over several objects). */
    public void add(TransferStats other) {
        requests.add(other.requests());
        bytes.add(other.bytesFetched());
    }

    /** Requests sent, retries included. */
    public long requests() {
        return requests.sum();
    }

    /** Body bytes received, including bytes read and dropped. */
    public long bytesFetched() {
        return bytes.sum();
    }

    @Override
    public String toString() {
        return requests() + " requests, " + bytesFetched() + " bytes";
    }
}
