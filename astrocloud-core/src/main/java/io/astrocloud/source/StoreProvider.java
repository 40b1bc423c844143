package io.astrocloud.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A kind of store: what reads the objects of URLs it claims and lists the prefixes among them.
 * The built-in stores are providers too ({@link S3StoreProvider}, {@link FileStoreProvider},
 * {@link HttpStoreProvider}); more are found with {@link java.util.ServiceLoader} (Google Cloud
 * Storage, Azure Blob Storage): a module that puts an implementation and its
 * {@code META-INF/services/io.astrocloud.source.StoreProvider} entry on the class path makes its
 * URLs work everywhere a URL is accepted. A {@link SourceResolver} asks its providers in a fixed
 * order which one claims a URL (see there), gets its own instances and closes them with itself,
 * so providers may keep clients. Every method is given the resolver's {@link AccessOptions}.
 */
public interface StoreProvider extends Closeable {
    /** A short name for messages and settings prefixes ("s3", "gcs", "azure"). */
    String name();

    /** True if this provider reads {@code url} (for example {@code gs://bucket/object}). */
    boolean accepts(String url, AccessOptions options);

    /**
     * The bare backend for {@code url}, which this provider accepts: no counting, retries or
     * pinning (the resolver adds them). Store-specific settings come from
     * {@link AccessOptions#setting(String)}.
     */
    RangeSource open(String url, AccessOptions options) throws IOException;

    /**
     * True if {@code url}, which this provider accepts, names a prefix (a folder such as
     * {@code gs://bucket/dir/}) that {@link #list} expands, rather than one object. The default:
     * never.
     */
    default boolean isPrefix(String url, AccessOptions options) {
        return false;
    }

    /**
     * The objects under the prefix {@code prefixUrl} whose names match {@code include} (matched
     * against the whole object name), each with its canonical URL, ETag and size, listed lazily
     * page by page as the caller iterates. Failures while iterating surface as unchecked
     * exceptions. The default: listing is not supported.
     */
    default Iterator<ObjectRef> list(String prefixUrl, Pattern include, AccessOptions options) throws IOException {
        throw new UnsupportedOperationException(name() + " cannot list prefixes: " + Redaction.text(prefixUrl));
    }

    /** Releases clients this provider made. */
    @Override
    default void close() throws IOException {
    }
}
