package io.astrocloud.source;

import java.io.IOException;

/**
 * One object opened for reading: its bytes by range or as a stream, with what the reads cost
 * ({@link #stats()}) and the version they are pinned to ({@link #pin()}). Under it, the store's
 * backend is wrapped once, in this order: counting ({@code CountingSource}: every attempt), retries
 * ({@code RetryingSource}: the one retry layer), ETag pinning ({@code PinnedSource}: a file replaced
 * mid-way fails as {@link SourceException.Reason#CHANGED} instead of mixing two versions). Walks
 * and downloads read the counts and the pin from here. Safe for use by several threads at once.
 */
public final class OpenedObject implements RangeSource {
    private final PinnedSource source;
    private final TransferStats stats;

    private OpenedObject(PinnedSource source, TransferStats stats) {
        this.source = source;
        this.stats = stats;
    }

    /**
     * Opens {@code backend}: counted, retried under {@code retry}, and pinned to {@code known} (an
     * ETag and size a listing or an event gave) or else to the first response's.
     */
    public static OpenedObject of(RangeSource backend, RetryPolicy retry, ObjectInfo known) {
        TransferStats stats = new TransferStats();
        RangeSource counted = new CountingSource(backend, stats);
        return new OpenedObject(new PinnedSource(new RetryingSource(counted, retry), known), stats);
    }

    /** Opens {@code backend} counted and pinned, without retries (bytes in memory, a local file). */
    public static OpenedObject of(RangeSource backend) {
        return of(backend, RetryPolicy.NONE, ObjectInfo.UNKNOWN);
    }

    /** Requests sent and bytes received for this object so far, retries included. */
    public TransferStats stats() {
        return stats;
    }

    /**
     * The version reads are pinned to: the ETag and size known in advance, else the first
     * response's ({@link ObjectInfo#UNKNOWN} before any).
     */
    public ObjectInfo pin() {
        return source.pinned();
    }

    /**
     * Pins reads to {@code etag}, known from elsewhere (a partial download of this object), unless
     * they are pinned already.
     *
     * @throws SourceException {@code CHANGED} when reads are already pinned to another ETag
     */
    public void expect(String etag) throws SourceException {
        source.expect(etag);
    }

    @Override
    public String url() {
        return source.url();
    }

    @Override
    public FetchedRange read(RangeRequest request) throws IOException {
        return source.read(request);
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        return source.open(offset, ifMatch);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
