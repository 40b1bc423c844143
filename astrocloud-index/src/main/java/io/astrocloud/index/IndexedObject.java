package io.astrocloud.index;

import io.astrocloud.fits.Hdu;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of an object as the index commits it (the file item, {@link ObjectItems}): which
 * bytes, which event, what the index says of them and, for an indexed file, every HDU. Everything
 * else in the table derives from it ({@link HduItems}).
 *
 * @param object        the bytes: bucket, key, S3 version, size, ETag
 * @param sequencer     the event's sequencer ({@link Sequencer#NONE} for a backfill)
 * @param version       the commit's identity ({@link IndexVersion})
 * @param status        INDEXED, INVALID or DELETED
 * @param hdus          the HDUs (INDEXED), else none
 * @param warnings      what the walk tolerated
 * @param invalidReason why the file is INVALID, else null
 * @param indexedAt     when the commit was made
 * @param expiresAt     when a tombstone expires, else null
 */
public record IndexedObject(ObjectVersion object, Sequencer sequencer, String version, IndexSchema.FileStatus status,
                            List<IndexedHdu> hdus, List<String> warnings, String invalidReason, Instant indexedAt,
                            Instant expiresAt) {
    /** Checks and copies. */
    public IndexedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        hdus = List.copyOf(hdus);
        warnings = List.copyOf(warnings);
    }

    /** An indexed file: its headers described. */
    public static IndexedObject indexed(HeaderReader.FileHeaders headers, Sequencer seq, Instant now) {
        List<IndexedHdu> hdus = new ArrayList<>();
        for (Hdu h : headers.hdus()) {
            hdus.add(IndexedHdu.of(h, headers.hdus().get(0)));
        }
        ObjectVersion o = headers.object();
        return new IndexedObject(o, seq, IndexVersion.of(seq, IndexSchema.FileStatus.INDEXED, o.etag()),
                IndexSchema.FileStatus.INDEXED, hdus, headers.warnings(), null, now, null);
    }

    /** A file that is not valid FITS, with the reason. */
    public static IndexedObject invalid(ObjectVersion o, Sequencer seq, String reason, Instant now) {
        return new IndexedObject(o, seq, IndexVersion.of(seq, IndexSchema.FileStatus.INVALID, o.etag()),
                IndexSchema.FileStatus.INVALID, List.of(), List.of(), reason, now, null);
    }

    /** The tombstone of a removed object, kept until {@code expires}. */
    public static IndexedObject deleted(ObjectVersion o, Sequencer seq, Instant now, Instant expires) {
        return new IndexedObject(o, seq, IndexVersion.of(seq, IndexSchema.FileStatus.DELETED, o.etag()),
                IndexSchema.FileStatus.DELETED, List.of(), List.of(), null, now, expires);
    }

    /** The object's URL, {@code s3://bucket/key}: the partition key of its items. */
    public String url() {
        return object.url();
    }
}
