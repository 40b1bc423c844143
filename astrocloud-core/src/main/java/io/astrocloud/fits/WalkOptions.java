package io.astrocloud.fits;

import io.astrocloud.settings.Defaults;

/**
 * How a walk reads.
 *
 * @param readAhead      bytes asked for per request (at least one 2880-byte block); small HDUs
 *                       packed together then cost one request, large data segments are skipped
 * @param maxHeaderBytes the longest header accepted before giving up on finding END
 * @param gzip           stream and decompress gzip-compressed objects (reads the whole object)
 *                       instead of refusing them
 * @param prefetch       how many predicted headers may be fetched ahead, in parallel, when a file
 *                       repeats a layout (0: one request at a time)
 */
public record WalkOptions(int readAhead, int maxHeaderBytes, boolean gzip, int prefetch) {
    /** The defaults ({@link Defaults}): gzip-compressed objects refused. */
    public static final WalkOptions DEFAULT = new WalkOptions(Defaults.READ_AHEAD, Defaults.MAX_HEADER_BYTES, false,
            Defaults.PREFETCH);

    /** Validates the options. */
    public WalkOptions {
        if (readAhead < DataSize.BLOCK) {
            throw new IllegalArgumentException("read-ahead must be at least 2880 bytes, got " + readAhead);
        }
        if (maxHeaderBytes < DataSize.BLOCK) {
            throw new IllegalArgumentException("max header size must be at least 2880 bytes, got " + maxHeaderBytes);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must not be negative, got " + prefetch);
        }
    }

    /** The same options with another read-ahead. */
    public WalkOptions withReadAhead(int bytes) {
        return new WalkOptions(bytes, maxHeaderBytes, gzip, prefetch);
    }

    /** The same options with another header limit. */
    public WalkOptions withMaxHeaderBytes(int bytes) {
        return new WalkOptions(readAhead, bytes, gzip, prefetch);
    }

    /** The same options with another prefetch depth (0: no parallel prefetch). */
    public WalkOptions withPrefetch(int headers) {
        return new WalkOptions(readAhead, maxHeaderBytes, gzip, headers);
    }

    /** The same options with gzip streaming on or off. */
    public WalkOptions withGzip(boolean on) {
        return new WalkOptions(readAhead, maxHeaderBytes, on, prefetch);
    }
}
