package io.astrocloud.index;

import java.util.Objects;

/**
 * What happened to one S3 object, as any event source tells it, with the key already decoded:
 * the input of the {@link Indexer}.
 *
 * @param change    created, or removed (a version deleted, or a delete marker placed)
 * @param bucket    the bucket
 * @param key       the object key, decoded
 * @param versionId the version the event is about, or null (unversioned bucket, or not known)
 * @param size      the object's size in bytes, or -1 when the event does not say
 * @param etag      the object's ETag, or null when the event does not say
 * @param sequencer the event's sequencer, or {@link Sequencer#NONE} for a backfill
 */
public record ObjectEvent(Change change, String bucket, String key, String versionId, long size, String etag,
                          Sequencer sequencer) {
    /** The kinds of change. */
    public enum Change {
        /** A new object, or a new version of one (PUT, POST, COPY, multipart upload). */
        CREATED,
        /** An object, or one version of it, permanently deleted. */
        REMOVED,
        /** A delete marker placed on a versioned object: it no longer has a current version. */
        DELETE_MARKER_CREATED
    }

    /** Validates the event. */
    public ObjectEvent {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(sequencer, "sequencer");
        if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an event needs a bucket and a key");
        }
        versionId = versionId == null || versionId.isEmpty() || versionId.equals("null") ? null : versionId;
        etag = etag == null || etag.isEmpty() ? null : etag;
    }

    /** A creation with everything S3 notifications carry. */
    public static ObjectEvent created(String bucket, String key, String versionId, long size, String etag,
                                      Sequencer sequencer) {
        return new ObjectEvent(Change.CREATED, bucket, key, versionId, size, etag, sequencer);
    }

    /** A backfill: index the object as it is now (S3 Batch Operations), with no sequencer. */
    public static ObjectEvent backfill(String bucket, String key, String versionId) {
        return new ObjectEvent(Change.CREATED, bucket, key, versionId, -1, null, Sequencer.NONE);
    }

    /** A removal. */
    public static ObjectEvent removed(Change change, String bucket, String key, String versionId,
                                      Sequencer sequencer) {
        if (change == Change.CREATED) {
            throw new IllegalArgumentException("not a removal: " + change);
        }
        return new ObjectEvent(change, bucket, key, versionId, -1, null, sequencer);
    }

    /** The object's name in the index (its partition key): {@code s3://bucket/key}. */
    public String objectUrl() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return change + " " + objectUrl() + (versionId == null ? "" : " version " + versionId)
                + " sequencer " + sequencer;
    }
}
