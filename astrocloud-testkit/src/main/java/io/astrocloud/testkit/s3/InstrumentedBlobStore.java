package io.astrocloud.testkit.s3;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.Blob;
import org.gaul.s3proxy.blobstore.options.GetOptions;

/**
 * Wraps S3Proxy's store to see GetObject from the server side: how many are in progress at once,
 * how many each key got, and to add latency (to every GET, or more to chosen keys).
 */
public final class InstrumentedBlobStore extends ForwardingBlobStore {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong gets = new AtomicLong();
    private final Map<String, AtomicInteger> getsByKey = new ConcurrentHashMap<>();
    private final Map<String, Duration> extraLatency = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    /** @param delegate the store to wrap */
    public InstrumentedBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** Adds {@code latency} to every GET. */
    public InstrumentedBlobStore latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Adds {@code latency} to GETs of one key (a slow object). */
    public InstrumentedBlobStore latency(String key, Duration latency) {
        extraLatency.put(key, latency);
        return this;
    }

    /** The most GETs that were in progress at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** GETs served. */
    public long gets() {
        return gets.get();
    }

    /** GETs of one key. */
    public int gets(String key) {
        AtomicInteger n = getsByKey.get(key);
        return n == null ? 0 : n.get();
    }

    /** Sets the counters back to zero. */
    public void reset() {
        gets.set(0);
        getsByKey.clear();
        maxInFlight.set(inFlight.get());
    }

    @Override
    public Blob getBlob(String container, String name, GetOptions options) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        gets.incrementAndGet();
        getsByKey.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        try {
            sleep(latency.plus(extraLatency.getOrDefault(name, Duration.ZERO)));
            return super.getBlob(container, name, options);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
