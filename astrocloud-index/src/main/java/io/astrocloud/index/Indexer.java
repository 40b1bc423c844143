package io.astrocloud.index;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.source.SourceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Applies S3 events to the index, in plain Java (no Lambda types): every handler, and the
 * backfill, is an adapter over {@link #apply(ObjectEvent)}.
 *
 * <p>S3 delivers events at least once and in any order. Each object has one commit point, its
 * file item, replaced by one conditional PutItem per event ({@link IndexTable#commit}): an event
 * newer than the one committed replaces it, any other changes nothing. Everything else derives
 * from the committed version and carries it ({@link IndexSchema#VERSION}):
 * <ul>
 *   <li>a creation reads the headers, commits the file item (with every HDU's cards and
 *       description), then writes the HDU items in batches;</li>
 *   <li>a removal commits a tombstone (a file item that says DELETED), which keeps older events
 *       out until it expires ({@link #TOMBSTONE_TTL});</li>
 *   <li>then every event, whether it committed, lost, or found itself a duplicate or outdated,
 *       settles the object ({@link Settlement}): items of other versions are deleted, missing HDU
 *       items of the committed version written again. A redelivered event thereby finishes what
 *       its first delivery left.</li>
 * </ul>
 * Readers keep only items of the committed version ({@link IndexReader}), so nothing of a replaced
 * version is returned, even before it is deleted. Files that are not FITS, truncated or hostile
 * get an INVALID file item with the reason; failures outside the file are thrown as
 * {@link IndexingException} for the event source to redeliver or dead-letter.
 */
public final class Indexer {
    /** How long a tombstone keeps older events out (longer than SQS keeps a message, 14 days). */
    public static final Duration TOMBSTONE_TTL = Duration.ofDays(30);

    private final HeaderSource reader;
    private final IndexTable table;
    private final Settlement settlement;
    private final Clock clock;

    /**
     * @param reader reads headers from S3
     * @param table  the index table
     * @param clock  for the indexed time, tombstone expiry and the age of part items
     */
    public Indexer(HeaderSource reader, IndexTable table, Clock clock) {
        this.reader = reader;
        this.table = table;
        this.settlement = new Settlement(table, clock);
        this.clock = clock;
    }

    /**
     * An indexer that reads S3 through {@code s3} (retried by the core's source tier with {@code s3Retry})
     * and writes the table {@code tableName} through {@code dynamo}. The clients are used as they are,
     * never closed here.
     */
    public static Indexer create(S3Client s3, DynamoDbClient dynamo, String tableName, RetryPolicy s3Retry) {
        return new Indexer(HeaderReader.over(s3, s3Retry), new IndexTable(dynamo, tableName), Clock.systemUTC());
    }

    /** Applies one event. */
    public IndexOutcome apply(ObjectEvent event) throws IndexingException {
        try {
            return event.change() == ObjectEvent.Change.CREATED ? index(event) : remove(event);
        } catch (SdkException e) {
            throw new IndexingException("DynamoDB table " + table.name() + " failed for " + event + ": "
                    + errorCode(e) + e.getMessage(), e.retryable() || isThrottling(e), e);
        }
    }

    private IndexOutcome index(ObjectEvent event) throws IndexingException {
        String url = event.objectUrl();
        IndexTable.FileState state = table.state(url);
        String moot = mootness(event, state);
        if (moot != null) {
            return unchanged(url, moot);
        }
        HeaderReader.FileHeaders headers;
        try {
            headers = reader.read(event);
        } catch (FitsFormatException e) {
            return invalid(event, state, e.getMessage());
        } catch (SourceException e) {
            return readFailure(event, state, e);
        } catch (IOException e) {
            throw new IndexingException("reading " + url + " failed: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new IndexingException("reading " + url + " failed: " + e.getMessage(), e.retryable(), e);
        } catch (RuntimeException e) {
            // The walker fails on hostile input with FitsFormatException; anything else it throws
            // is a walker bug on a file it cannot read: record it rather than retry forever.
            return invalid(event, state, "invalid FITS: " + url + ": " + e);
        }
        IndexedObject o = IndexedObject.indexed(headers, event.sequencer(), clock.instant());
        return commit(o, state, new IndexOutcome(IndexOutcome.Result.INDEXED, url, o.hdus().size(),
                headers.requests() + " requests, " + headers.bytesFetched() + " bytes read", headers.requests(),
                headers.bytesFetched()));
    }

    private IndexOutcome invalid(ObjectEvent event, IndexTable.FileState state, String reason) {
        ObjectVersion object = new ObjectVersion(event.bucket(), event.key(), event.versionId(), event.size(),
                ObjectVersion.bareEtag(event.etag()));
        return commit(IndexedObject.invalid(object, event.sequencer(), reason, clock.instant()), state,
                new IndexOutcome(IndexOutcome.Result.INVALID, object.url(), 0, reason));
    }

    private IndexOutcome readFailure(ObjectEvent event, IndexTable.FileState state, SourceException e)
            throws IndexingException {
        switch (e.reason()) {
            case CHANGED:
                // The object was replaced after this event: a newer event tells of it.
                return unchanged(event.objectUrl(), "the object changed since this event (" + e.getMessage() + ")");
            case NOT_FOUND:
                // Deleted after this event (or, for a backfill, since the manifest was made).
                return unchanged(event.objectUrl(), "the object is gone (" + e.getMessage() + ")");
            case RANGE_NOT_SATISFIABLE:
                return invalid(event, state, "invalid FITS: " + e.getMessage() + " (an empty object)");
            default:
                throw new IndexingException("reading " + event.objectUrl() + " failed: " + e.getMessage(),
                        e.retryable(), e);
        }
    }

    private IndexOutcome remove(ObjectEvent event) {
        String url = event.objectUrl();
        IndexTable.FileState state = table.state(url);
        if (state != null && state.sequencer().compareTo(event.sequencer()) >= 0) {
            return unchanged(url, state.sequencer().equals(event.sequencer())
                    ? "duplicate: this event (sequencer " + event.sequencer() + ") is already recorded"
                    : "a newer event (sequencer " + state.sequencer() + ") is already recorded");
        }
        if (event.change() == ObjectEvent.Change.REMOVED && event.versionId() != null && state != null
                && state.versionId() != null && !state.versionId().equals(event.versionId())) {
            return unchanged(url, "version " + event.versionId() + " was deleted; the index holds version "
                    + state.versionId());
        }
        Instant now = clock.instant();
        ObjectVersion object = new ObjectVersion(event.bucket(), event.key(), event.versionId(), -1, null);
        return commit(IndexedObject.deleted(object, event.sequencer(), now, now.plus(TOMBSTONE_TTL)), state,
                new IndexOutcome(IndexOutcome.Result.REMOVED, url, 0, ""));
    }

    /**
     * Commits {@code o} (its part items first, when its blob needs them), writes its derived items, and
     * settles the object. Returns {@code outcome} when it committed, UNCHANGED when a newer event had.
     */
    private IndexOutcome commit(IndexedObject o, IndexTable.FileState prior, IndexOutcome outcome) {
        ObjectItems.Encoded items = ObjectItems.encode(o);
        if (!items.parts().isEmpty()) {
            table.write(o.url(), items.parts(), List.of());
        }
        IndexTable.Commit commit = table.commit(items.file(), o.sequencer());
        Set<String> replaced = new HashSet<>();
        if (prior != null && !prior.version().equals(o.version())) {
            replaced.add(prior.version());
        }
        if (commit.replaced() != null && !commit.replaced().equals(o.version())) {
            replaced.add(commit.replaced());
        }
        if (!commit.committed()) {
            // Its parts belong to no commit: they go now (or, should this fail, with a later settlement).
            replaced.add(o.version());
            settlement.settle(o.url(), replaced);
            return new IndexOutcome(IndexOutcome.Result.UNCHANGED, o.url(), 0, "a newer event recorded the file first");
        }
        table.write(o.url(), DerivedItems.of(o), List.of());
        Settlement.Result settled = settlement.settle(o.url(), replaced);
        if (outcome.result() == IndexOutcome.Result.REMOVED) {
            return new IndexOutcome(IndexOutcome.Result.REMOVED, o.url(), 0, items(settled.deleted()) + " removed");
        }
        return outcome;
    }

    /** Why the creation {@code event} has nothing to do, or null when it must be indexed. */
    private static String mootness(ObjectEvent event, IndexTable.FileState state) {
        if (state == null) {
            return null;
        }
        Sequencer seq = event.sequencer();
        if (seq.isNone()) {
            return state.sequencer().isNone() ? null
                    : "an S3 event (sequencer " + state.sequencer() + ") recorded it; a backfill does not replace that";
        }
        int order = seq.compareTo(state.sequencer());
        if (order == 0) {
            return "duplicate: this event (sequencer " + seq + ") is already recorded";
        }
        return order < 0 ? "a newer event (sequencer " + state.sequencer() + ") is already recorded" : null;
    }

    /** Nothing to commit: settles the object (finishing what an earlier delivery left), says why. */
    private IndexOutcome unchanged(String url, String why) {
        Settlement.Result settled = settlement.settle(url, Set.of());
        String finished = settled.deleted() + settled.restored() == 0 ? ""
                : "; finished what an earlier delivery left: " + items(settled.deleted()) + " removed, "
                + settled.restored() + " written";
        return new IndexOutcome(IndexOutcome.Result.UNCHANGED, url, 0, why + finished);
    }

    private static String items(int n) {
        return n + (n == 1 ? " index item" : " index items");
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorCode() + ": ";
        }
        return "";
    }

    private static boolean isThrottling(SdkException e) {
        return e instanceof AwsServiceException && ((AwsServiceException) e).isThrottlingException();
    }
}
