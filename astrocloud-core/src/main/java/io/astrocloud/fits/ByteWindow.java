package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Where the walker gets header bytes from: ranged reads with read-ahead, or a forward-only stream. */
interface ByteWindow extends Closeable {
    /**
     * Copies up to {@code len} bytes at {@code offset} into {@code dst}; fewer only at the end of
     * the object. When the bytes are not held yet, {@code fetch} bytes from {@code offset} are
     * asked for (at least {@code len}). Offsets never go backwards by more than what is held.
     */
    int read(long offset, byte[] dst, int off, int len, int fetch) throws IOException;

    /** Starts reading these {@code [offset, length]} ranges in the background, if the window can. */
    default void prefetch(List<long[]> ranges) {
    }

    /** Forgets background reads that have not been used (a prediction was wrong). */
    default void dropPrefetches() {
    }

    /** What is known of the object (size -1 until known). */
    ObjectInfo object();
}
