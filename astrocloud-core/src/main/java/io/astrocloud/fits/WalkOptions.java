package io.astrocloud.fits;

/**
 * How a walk reads.
 *
 * @param readAhead      bytes asked for per request (at least one 2880-byte block); small HDUs
 *                       packed together then cost one request, large data segments are skipped
 * @param maxHeaderBytes the longest header accepted before giving up on finding END
 * @param gzip           stream and decompress gzip-compressed objects (reads the whole object)
 *                       instead of refusing them
 */
public record WalkOptions(int readAhead, int maxHeaderBytes, boolean gzip) {
    /** Default read-ahead: 64 KiB (see BENCHMARKS.md for the measurement behind it). */
    public static final int DEFAULT_READ_AHEAD = 64 * 1024;
    /** Default header limit: 8 MiB, some 100,000 cards. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024 * 1024;
    /** The defaults. */
    public static final WalkOptions DEFAULT = new WalkOptions(DEFAULT_READ_AHEAD, DEFAULT_MAX_HEADER_BYTES, false);

    /** Validates the options. */
    public WalkOptions {
        if (readAhead < DataSize.BLOCK) {
            throw new IllegalArgumentException("read-ahead must be at least 2880 bytes, got " + readAhead);
        }
        if (maxHeaderBytes < DataSize.BLOCK) {
            throw new IllegalArgumentException("max header size must be at least 2880 bytes, got " + maxHeaderBytes);
        }
    }

    /** The same options with another read-ahead. */
    public WalkOptions withReadAhead(int bytes) {
        return new WalkOptions(bytes, maxHeaderBytes, gzip);
    }

    /** The same options with another header limit. */
    public WalkOptions withMaxHeaderBytes(int bytes) {
        return new WalkOptions(readAhead, bytes, gzip);
    }

    /** The same options with gzip streaming on or off. */
    public WalkOptions withGzip(boolean on) {
        return new WalkOptions(readAhead, maxHeaderBytes, on);
    }
}
