package io.astrocloud.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one commit of an object's index entry ({@link IndexSchema#VERSION}): 16 hex
 * digits of SHA-256 over the event's sequencer (padded, empty for a backfill), its change and the
 * ETag of the bytes indexed. The same event gives the same version however often it is delivered,
 * so a redelivery or an SDK retry rewrites the items it wrote before; two events never share one
 * (S3 gives every event on a key its own sequencer), and two backfills share one only when they
 * indexed the same bytes, and then the same items.
 */
public final class IndexVersion {
    private IndexVersion() {
    }

    /** The version committed by an event with sequencer {@code seq}, of kind {@code status}, over {@code etag}. */
    public static String of(Sequencer seq, IndexSchema.FileStatus status, String etag) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((seq.value() + "|" + status.name() + "|" + (etag == null ? "" : etag))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
