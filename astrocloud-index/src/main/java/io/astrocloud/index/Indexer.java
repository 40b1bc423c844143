package io.astrocloud.index;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.source.SourceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Applies S3 events to the index, in plain Java (no Lambda types): every handler, and any
 * backfill tool, is an adapter over {@link #apply(ObjectEvent)}.
 *
 * <p>S3 delivers events at least once and in any order. Every item carries the sequencer of the
 * event that wrote it and every write is conditional on it, so:
 * <ul>
 *   <li>a duplicate, or an event older than the one indexed, changes nothing;</li>
 *   <li>a creation writes its HDU items, deletes the object's other HDU items (a re-upload with
 *       fewer HDUs), and writes the file item last: the file item is the commit, and an event
 *       redelivered after a crash before it simply runs again;</li>
 *   <li>a removal writes a tombstone file item first (so that a delayed creation older than it
 *       is refused), then deletes the HDU items; the tombstone expires after {@link #TOMBSTONE_TTL};</li>
 *   <li>a write that loses a race to a newer event is undone (only items with its own sequencer).</li>
 * </ul>
 * Files that are not FITS, truncated or hostile get an INVALID file item with the reason;
 * failures outside the file are thrown as {@link IndexingException} for the event source to
 * redeliver or dead-letter.
 */
public final class Indexer {
    /** How long a tombstone keeps older events out (longer than SQS keeps a message, 14 days). */
    public static final Duration TOMBSTONE_TTL = Duration.ofDays(30);

    private final HeaderReader reader;
    private final IndexTable table;
    private final Clock clock;

    /**
     * @param reader reads headers from S3
     * @param table  the index table
     * @param clock  for the indexed time and tombstone expiry
     */
    public Indexer(HeaderReader reader, IndexTable table, Clock clock) {
        this.reader = reader;
        this.table = table;
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
        IndexTable.FileState state = table.fileState(url);
        String moot = mootness(event, state);
        if (moot != null) {
            return unchanged(url, moot);
        }
        HeaderReader.FileHeaders headers;
        try {
            headers = reader.read(event);
        } catch (FitsFormatException e) {
            return writeInvalid(event, e.getMessage());
        } catch (SourceException e) {
            return readFailure(event, e);
        } catch (IOException e) {
            throw new IndexingException("reading " + url + " failed: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new IndexingException("reading " + url + " failed: " + e.getMessage(), e.retryable(), e);
        } catch (RuntimeException e) {
            // The walker fails on hostile input with FitsFormatException; anything else it throws
            // is a walker bug on a file it cannot read: record it rather than retry forever.
            return writeInvalid(event, "invalid FITS: " + url + ": " + e);
        }
        return writeIndexed(event, headers);
    }

    private IndexOutcome writeIndexed(ObjectEvent event, HeaderReader.FileHeaders headers) {
        Sequencer seq = event.sequencer();
        ObjectVersion object = headers.object();
        List<String> written = new ArrayList<>();
        for (Hdu hdu : headers.hdus()) {
            for (Map<String, AttributeValue> item : IndexItems.hdu(hdu, object, seq)) {
                if (!table.putUnlessNewer(item, seq)) {
                    undo(object.url(), written, seq);
                    return unchanged(object.url(), "a newer event already wrote " + item.get(IndexSchema.SK).s());
                }
                written.add(item.get(IndexSchema.SK).s());
            }
        }
        deleteOthers(object.url(), written, seq);
        if (!table.putUnlessNewer(IndexItems.indexed(object, seq, headers.hdus().size(), headers.warnings(),
                clock.instant()), seq)) {
            undo(object.url(), written, seq);
            return unchanged(object.url(), "a newer event recorded the file first");
        }
        return new IndexOutcome(IndexOutcome.Result.INDEXED, object.url(), headers.hdus().size(),
                headers.requests() + " requests, " + headers.bytesFetched() + " bytes read", headers.requests(),
                headers.bytesFetched());
    }

    private IndexOutcome writeInvalid(ObjectEvent event, String reason) {
        Sequencer seq = event.sequencer();
        ObjectVersion object = new ObjectVersion(event.bucket(), event.key(), event.versionId(), event.size(),
                ObjectVersion.bareEtag(event.etag()));
        deleteOthers(object.url(), List.of(), seq);
        if (!table.putUnlessNewer(IndexItems.invalid(object, seq, reason, clock.instant()), seq)) {
            return unchanged(object.url(), "a newer event recorded the file first");
        }
        return new IndexOutcome(IndexOutcome.Result.INVALID, object.url(), 0, reason);
    }

    private IndexOutcome readFailure(ObjectEvent event, SourceException e) throws IndexingException {
        switch (e.reason()) {
            case CHANGED:
                // The object was replaced after this event: a newer event tells of it.
                return unchanged(event.objectUrl(), "the object changed since this event (" + e.getMessage() + ")");
            case NOT_FOUND:
                // Deleted after this event (or, for a backfill, since the manifest was made).
                return unchanged(event.objectUrl(), "the object is gone (" + e.getMessage() + ")");
            case RANGE_NOT_SATISFIABLE:
                return writeInvalid(event, "invalid FITS: " + e.getMessage() + " (an empty object)");
            default:
                throw new IndexingException("reading " + event.objectUrl() + " failed: " + e.getMessage(),
                        e.retryable(), e);
        }
    }

    private IndexOutcome remove(ObjectEvent event) {
        String url = event.objectUrl();
        IndexTable.FileState state = table.fileState(url);
        if (state != null && state.sequencer().compareTo(event.sequencer()) >= 0) {
            return unchanged(url, "a newer event (sequencer " + state.sequencer() + ") is already recorded");
        }
        if (event.change() == ObjectEvent.Change.REMOVED && event.versionId() != null && state != null
                && state.versionId() != null && !state.versionId().equals(event.versionId())) {
            return unchanged(url, "version " + event.versionId() + " was deleted; the index holds version "
                    + state.versionId());
        }
        Sequencer seq = event.sequencer();
        Instant now = clock.instant();
        ObjectVersion object = new ObjectVersion(event.bucket(), event.key(), event.versionId(), -1, null);
        if (!table.putUnlessNewer(IndexItems.deleted(object, seq, now, now.plus(TOMBSTONE_TTL)), seq)) {
            return unchanged(url, "a newer event recorded the file first");
        }
        int removed = deleteOthers(url, List.of(), seq);
        return new IndexOutcome(IndexOutcome.Result.REMOVED, url, 0, removed + " HDU items removed");
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

    /** Deletes the object's HDU and part items that {@code keep} does not list; returns how many. */
    private int deleteOthers(String url, List<String> keep, Sequencer seq) {
        Set<String> kept = new HashSet<>(keep);
        int n = 0;
        for (String sk : table.partKeys(url)) {
            if (!kept.contains(sk) && table.deleteUnlessNewer(url, sk, seq)) {
                n++;
            }
        }
        return n;
    }

    private void undo(String url, List<String> written, Sequencer seq) {
        for (String sk : written) {
            table.deleteOwn(url, sk, seq);
        }
    }

    private static IndexOutcome unchanged(String url, String why) {
        return new IndexOutcome(IndexOutcome.Result.UNCHANGED, url, 0, why);
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
