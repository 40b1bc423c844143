package io.astrocloud.index;

import io.astrocloud.scan.BoundedFanOut;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.S3Location;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Indexes objects that are already in a bucket (a listing, not events) with the same
 * {@link Indexer} the Lambda uses, from a workstation: several objects at once, and resumable,
 * since an object whose file item already records its ETag (INDEXED or INVALID) is skipped
 * without reading it. Each object is pinned to the ETag and size of the listing. S3 events stay
 * authoritative: an object an event indexed is not replaced by a backfill.
 */
public final class Backfill {
    /** What happened to one object. */
    public enum Result {
        /** Indexed now. */
        INDEXED,
        /** Recorded INVALID now, with the reason. */
        INVALID,
        /** Already indexed at this ETag (or by an S3 event): not read. */
        SKIPPED,
        /** Could not be indexed (S3 or DynamoDB failed after retries): run again to retry. */
        FAILED
    }

    /** The outcome for one object. */
    public record ObjectResult(ObjectRef object, Result result, String detail) {
    }

    /** Counts of a run. */
    public record Summary(long indexed, long invalid, long skipped, long failed) {
        /** Objects seen. */
        public long total() {
            return indexed + invalid + skipped + failed;
        }
    }

    private final Indexer indexer;
    private final IndexTable table;
    private final int concurrency;

    /**
     * @param indexer     the indexer (as the Lambda builds it)
     * @param table       the table it writes, read to skip objects already indexed
     * @param concurrency objects indexed at once
     */
    public Backfill(Indexer indexer, IndexTable table, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.indexer = indexer;
        this.table = table;
        this.concurrency = concurrency;
    }

    /** Indexes every S3 object {@code objects} yields, telling {@code onResult} as each finishes. */
    public Summary run(Iterator<ObjectRef> objects, Consumer<ObjectResult> onResult) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "astrocloud-backfill");
            t.setDaemon(true);
            return t;
        });
        long[] counts = new long[Result.values().length];
        try {
            BoundedFanOut<ObjectRef, ObjectResult> results = new BoundedFanOut<>(objects, this::index, pool, concurrency);
            while (results.hasNext()) {
                ObjectResult r = results.next();
                counts[r.result().ordinal()]++;
                onResult.accept(r);
            }
        } finally {
            pool.shutdownNow();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("backfill interrupted");
        }
        return new Summary(counts[Result.INDEXED.ordinal()], counts[Result.INVALID.ordinal()],
                counts[Result.SKIPPED.ordinal()], counts[Result.FAILED.ordinal()]);
    }

    /** Indexes one object unless the table already records it at this ETag; never throws. */
    public ObjectResult index(ObjectRef ref) {
        S3Location location;
        try {
            location = S3Location.parse(ref.url());
        } catch (IllegalArgumentException e) {
            location = null;
        }
        if (location == null) {
            return new ObjectResult(ref, Result.FAILED, "not an S3 object: " + ref.url());
        }
        ObjectEvent event = ObjectEvent.created(location.bucket(), location.key(), location.versionId(), ref.size(),
                ref.etag(), Sequencer.NONE);
        try {
            IndexTable.FileState state = table.state(event.objectUrl());
            if (state != null && state.status() != IndexSchema.FileStatus.DELETED && ref.etag() != null
                    && Objects.equals(unquoted(state.etag()), unquoted(ref.etag()))) {
                return new ObjectResult(ref, Result.SKIPPED, "already " + state.status().name().toLowerCase(Locale.ROOT)
                        + " at ETag " + ref.etag());
            }
            IndexOutcome outcome = indexer.apply(event);
            switch (outcome.result()) {
                case INDEXED:
                    return new ObjectResult(ref, Result.INDEXED, outcome.hduCount() + " HDUs");
                case INVALID:
                    return new ObjectResult(ref, Result.INVALID, outcome.detail());
                default:
                    return new ObjectResult(ref, Result.SKIPPED, outcome.detail());
            }
        } catch (IndexingException | RuntimeException e) {
            return new ObjectResult(ref, Result.FAILED, e.getMessage());
        }
    }

    private static String unquoted(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
