package io.astrocloud.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one way from a URL to its store: asks its {@link StoreProvider}s, in this order, which one
 * claims the URL, and has that one open the object or list the prefix. The order: the providers
 * found with {@link java.util.ServiceLoader} (GCS, Azure: their HTTPS hosts are theirs), then
 * {@link S3StoreProvider} ({@code s3://}, S3 hosts, the options' S3 endpoint), then
 * {@link FileStoreProvider} (paths, {@code file:}), then {@link HttpStoreProvider}, which takes any
 * other {@code http(s)} URL, presigned and signed ones included. Objects are opened as
 * {@link OpenedObject}s: counted, retried and ETag-pinned, wrapped once and in that order. One
 * resolver holds the providers (and their clients) for all the objects it opens, and closes them
 * when closed (never clients the options gave). Thread-safe.
 */
public final class SourceResolver implements Closeable {
    private final AccessOptions options;
    private final List<StoreProvider> providers = new ArrayList<>();

    /** @param options how to reach objects */
    public SourceResolver(AccessOptions options) {
        this.options = Objects.requireNonNull(options);
        ServiceLoader.load(StoreProvider.class).forEach(providers::add);
        providers.add(new S3StoreProvider());
        providers.add(new FileStoreProvider());
        providers.add(new HttpStoreProvider());
    }

    /** The options this resolver was made with. */
    public AccessOptions options() {
        return options;
    }

    /**
     * The store that reads {@code url}: the first provider, in the resolver's order, that claims it.
     *
     * @throws IllegalArgumentException when no store does (an unsupported scheme, no URL at all)
     */
    public StoreProvider provider(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no URL given");
        }
        for (StoreProvider p : providers) {
            if (p.accepts(url, options)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unsupported URL scheme: " + Redaction.text(url));
    }

    /** This resolver's provider of the given type ({@code S3StoreProvider.class}, ...), or null. */
    public <P extends StoreProvider> P provider(Class<P> type) {
        for (StoreProvider p : providers) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    /**
     * True when {@code url} names a prefix to list ({@code s3://bucket/dir/}, {@code gs://bucket/dir/})
     * rather than one object.
     */
    public boolean isPrefix(String url) {
        return provider(url).isPrefix(url, options);
    }

    /**
     * The objects under the prefix {@code prefixUrl} whose names match {@code include}, listed
     * lazily page by page; failures while iterating surface as unchecked exceptions.
     */
    public Iterator<ObjectRef> list(String prefixUrl, Pattern include) throws IOException {
        return provider(prefixUrl).list(prefixUrl, include, options);
    }

    /** Opens the object {@code url} names, pinned to the first response's ETag. */
    public OpenedObject open(String url) throws IOException {
        return open(ObjectRef.of(url));
    }

    /** Opens {@code object}, pinned to the ETag and size its listing gave (else to the first response's). */
    public OpenedObject open(ObjectRef object) throws IOException {
        return decorate(backend(object.url()), object.known());
    }

    /**
     * Wraps a backend as every opened object is: counted, retried under the options' policy,
     * pinned to {@code known} (else to the first response).
     */
    public OpenedObject decorate(RangeSource backend, ObjectInfo known) {
        return OpenedObject.of(backend, options.retry(), known);
    }

    /** The bare backend for {@code url}: no counting, retries or pinning. */
    public RangeSource backend(String url) throws IOException {
        return provider(url).open(url, options);
    }

    @Override
    public void close() {
        for (StoreProvider p : providers) {
            try {
                p.close();
            } catch (IOException e) {
                // Closing clients: nothing useful to do with a failure.
            }
        }
    }
}
