package io.astrocloud.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads byte ranges of one stored object: an HTTP(S) URL, an S3 object, a local file, or bytes in
 * memory. Implementations map store errors to {@link SourceException}s and leave retrying,
 * ETag pinning and counting to the wrappers ({@code RetryingSource}, {@code PinnedSource},
 * {@code CountingSource}). Safe for use by several threads at once.
 */
public interface RangeSource extends Closeable {
    /** The object's URL, for messages. */
    String url();

    /**
     * Reads {@code request.length()} bytes from {@code request.offset()}, or fewer at the end of
     * the object; an offset at or past the end gives {@link SourceException.Reason#RANGE_NOT_SATISFIABLE}.
     */
    FetchedRange read(RangeRequest request) throws IOException;

    /**
     * Opens the object from {@code offset} to its end for streaming (downloads, gzip). The stream
     * must be closed; closing it early abandons the rest of the body.
     *
     * @param ifMatch an ETag the object must still have, or null
     */
    ObjectStream open(long offset, String ifMatch) throws IOException;

    /** Releases clients this source created (never clients it was given). */
    @Override
    default void close() throws IOException {
    }
}
