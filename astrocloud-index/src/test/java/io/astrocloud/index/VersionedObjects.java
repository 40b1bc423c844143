package io.astrocloud.index;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.SourceException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A versioned bucket in memory, read by the indexer as S3 is: an event's read gets the bytes of
 * the version it names (by ETag), and a backfill's the current version; a removed object answers
 * NOT_FOUND. S3Proxy keeps only the current bytes of a key (a read pinned to an older ETag fails),
 * so an older event could never race a newer one there: this store stands in for a versioned bucket
 * where it can. The walk is the core's, over the bytes.
 */
final class VersionedObjects implements HeaderSource {
    private final Map<String, byte[]> versions = new ConcurrentHashMap<>();
    private final Map<String, String> current = new ConcurrentHashMap<>();

    /** Stores a new version of {@code key}; returns the creation event S3 would send, with {@code seq}. */
    ObjectEvent put(String key, byte[] bytes, Sequencer seq) {
        String etag = md5(bytes);
        versions.put(key + "\u0000" + etag, bytes);
        current.put(key, etag);
        return ObjectEvent.created(IndexFixture.BUCKET, key, null, bytes.length, etag, seq);
    }

    /** Removes {@code key}; returns the removal event S3 would send, with {@code seq}. */
    ObjectEvent remove(String key, Sequencer seq) {
        current.remove(key);
        return ObjectEvent.removed(ObjectEvent.Change.REMOVED, IndexFixture.BUCKET, key, null, seq);
    }

    @Override
    public HeaderReader.FileHeaders read(ObjectEvent event) throws IOException {
        String url = event.objectUrl();
        String etag = event.etag() != null ? event.etag() : current.get(event.key());
        byte[] bytes = etag == null ? null : versions.get(event.key() + "\u0000" + etag);
        if (bytes == null) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, url, 0, "no such version");
        }
        try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource(url, bytes), HeaderReader.WALK)) {
            List<Hdu> hdus = walk.toList();
            return new HeaderReader.FileHeaders(new ObjectVersion(event.bucket(), event.key(), null, bytes.length, etag),
                    hdus, walk.warnings(), 1, bytes.length);
        }
    }

    static String md5(byte[] bytes) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
