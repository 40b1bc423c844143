package io.astrocloud.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A kind of store beyond the built-in HTTP(S), S3 and local files (Google Cloud Storage, Azure
 * Blob Storage, ...), found with {@link java.util.ServiceLoader}: a module that puts an
 * implementation and its {@code META-INF/services/io.astrocloud.source.StoreProvider} entry on the
 * class path makes its URLs work everywhere a URL is accepted. Each {@link SourceResolver} gets
 * its own instances and closes them with itself, so providers may keep clients.
 */
public interface StoreProvider extends Closeable {
    /** A short name for messages and settings prefixes ("gcs", "azure"). */
    String name();

    /** True if this provider reads {@code url} (for example {@code gs://bucket/object}). */
    boolean accepts(String url);

    /**
     * The bare backend for {@code url}: no counting, retries or pinning (the resolver adds them).
     * Store-specific settings come from {@link AccessOptions#setting(String)}.
     */
    RangeSource open(String url, AccessOptions options) throws IOException;

    /**
     * True if {@code url} names a prefix (a folder such as {@code gs://bucket/dir/}) that
     * {@link #list} expands, rather than one object. The default: never.
     */
    default boolean isPrefix(String url) {
        return false;
    }

    /**
     * The objects under the prefix {@code prefixUrl} whose names match {@code include} (matched
     * against the whole object name), listed lazily page by page as the caller iterates. Failures
     * while iterating surface as unchecked exceptions. The default: listing is not supported.
     */
    default Iterator<ListedObject> list(String prefixUrl, Pattern include, AccessOptions options) throws IOException {
        throw new UnsupportedOperationException(name() + " cannot list prefixes: " + prefixUrl);
    }

    /** Releases clients this provider made. */
    @Override
    default void close() throws IOException {
    }
}
