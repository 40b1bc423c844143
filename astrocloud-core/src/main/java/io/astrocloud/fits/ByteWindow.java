package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import java.io.Closeable;
import java.io.IOException;

/** Where the walker gets header bytes from: ranged reads with read-ahead, or a forward-only stream. */
interface ByteWindow extends Closeable {
    /**
     * Copies up to {@code len} bytes at {@code offset} into {@code dst}; fewer only at the end of
     * the object. Offsets never go backwards by more than what is still held.
     */
    int read(long offset, byte[] dst, int off, int len) throws IOException;

    /** What is known of the object (size -1 until known). */
    ObjectInfo object();
}
