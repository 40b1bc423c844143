package io.astrocloud.source;

import io.astrocloud.auth.S3Access;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns URLs into {@link RangeSource}s: picks the store from the URL ({@link ObjectLocation}),
 * builds the backend, and wraps it, in this order, with counting, retries and ETag pinning. Keeps
 * one client per store and settings for all the objects it opens, and closes the clients it
 * built (never those it was given) when closed. Thread-safe.
 */
public final class SourceResolver implements Closeable {
    private final AccessOptions options;
    private final Map<S3Access, S3Client> s3Clients = new ConcurrentHashMap<>();
    private final List<StoreProvider> providers = new ArrayList<>();
    private volatile HttpClient httpClient;

    /** @param options how to reach objects */
    public SourceResolver(AccessOptions options) {
        this.options = Objects.requireNonNull(options);
        ServiceLoader.load(StoreProvider.class).forEach(providers::add);
    }

    /** The options this resolver was made with. */
    public AccessOptions options() {
        return options;
    }

    /**
     * Where {@code url} lives. On the configured S3 endpoint, {@code ENDPOINT/bucket/key} reads as
     * path-style S3 and {@code scheme://bucket.ENDPOINT-HOST/key} as virtual-hosted S3 (MinIO with
     * a domain, any S3-compatible store); otherwise {@link ObjectLocation#parse(String)} decides.
     */
    public ObjectLocation locate(String url) {
        URI endpoint = options.s3().endpoint();
        if (endpoint != null && url.toLowerCase(Locale.ROOT).startsWith("http")) {
            URI uri = URI.create(url);
            if (Redirects.sameOrigin(uri, endpoint)) {
                return ObjectLocation.pathStyleOn(uri, endpoint, null);
            }
            if (bucketHostOn(uri, endpoint)) {
                return ObjectLocation.virtualHostedOn(uri, endpoint, null);
            }
        }
        return ObjectLocation.parse(url);
    }

    /** A counted, retried, ETag-pinned source for {@code url}. */
    public RangeSource open(String url, TransferStats stats) throws IOException {
        return open(url, stats, null, -1);
    }

    /**
     * A counted, retried source for {@code url}, pinned to {@code etag} and {@code size} when they
     * are known in advance (from a listing), else to the first response's.
     */
    public RangeSource open(String url, TransferStats stats, String etag, long size) throws IOException {
        StoreProvider provider = provider(url);
        if (provider != null) {
            return decorate(provider.open(url, options), stats, etag, size);
        }
        return open(locate(url), stats, etag, size);
    }

    /**
     * True when {@code url} names a prefix to list (an S3 key that is empty or ends in '/', or what
     * a store provider calls a prefix) rather than one object.
     */
    public boolean isPrefix(String url) {
        StoreProvider provider = provider(url);
        return provider != null ? provider.isPrefix(url) : locate(url).isPrefix();
    }

    /** The provider that reads {@code url}, or null when a built-in store does. */
    public StoreProvider provider(String url) {
        for (StoreProvider p : providers) {
            if (p.accepts(url)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A counted, retried source for {@code location}, pinned to {@code etag} and {@code size}
     * when they are known in advance (from a listing or an event), else to the first response's.
     */
    public RangeSource open(ObjectLocation location, TransferStats stats, String etag, long size) {
        return decorate(backend(location), stats, etag, size);
    }

    /** Wraps a backend with counting (if {@code stats} is given), retries and ETag pinning. */
    public RangeSource decorate(RangeSource backend, TransferStats stats, String etag, long size) {
        RangeSource counted = stats == null ? backend : new CountingSource(backend, stats);
        return new PinnedSource(new RetryingSource(counted, options.retry()), etag, size);
    }

    /** The bare backend for {@code location}: no counting, retries or pinning. */
    public RangeSource backend(ObjectLocation location) {
        switch (location.store()) {
            case S3:
                if (location.isPrefix()) {
                    throw new IllegalArgumentException("names a prefix, not an object: "
                            + Redaction.text(location.canonical()));
                }
                return new S3RangeSource(s3Client(location), false, location.bucket(), location.key(),
                        location.versionId(), options.s3().requesterPays(), options.maxDiscard());
            case HTTP:
                return new HttpRangeSource(location.uri(), httpClient(), options.httpHeaders(), options.timeout(),
                        options.maxDiscard());
            default:
                return new FileRangeSource(location.path());
        }
    }

    /** The S3 client for objects at {@code location} (the caller's, or one built and kept here). */
    public S3Client s3Client(ObjectLocation location) {
        if (options.s3Client() != null) {
            return options.s3Client();
        }
        return s3Clients.computeIfAbsent(access(location), S3Access::newClient);
    }

    /**
     * The S3 settings for objects at {@code location}: the options' settings, with what the URL
     * says filled in. A URL on an S3-compatible service brings its endpoint and region (unless the
     * options set them) and its addressing style (always: the URL's form decides); an Amazon S3 URL
     * brings its region when the options set neither region nor endpoint.
     */
    public S3Access access(ObjectLocation location) {
        S3Access access = options.s3();
        if (location.endpoint() != null) {
            S3Access.Builder b = access.toBuilder().pathStyle(location.pathStyle());
            if (access.endpoint() == null) {
                b.endpoint(location.endpoint());
            }
            if (access.region() == null && location.region() != null) {
                b.region(location.region());
            }
            return b.build();
        }
        if (access.region() == null && location.region() != null && access.endpoint() == null) {
            return access.toBuilder().region(location.region()).build();
        }
        return access;
    }

    /** The HTTP client (the caller's, or one built and kept here). */
    public HttpClient httpClient() {
        if (options.httpClient() != null) {
            return options.httpClient();
        }
        HttpClient c = httpClient;
        if (c == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = HttpRangeSource.newClient(options.connectTimeout());
                }
                c = httpClient;
            }
        }
        return c;
    }

    @Override
    public void close() {
        s3Clients.values().forEach(S3Client::close);
        s3Clients.clear();
        for (StoreProvider p : providers) {
            try {
                p.close();
            } catch (IOException e) {
                // Closing clients: nothing useful to do with a failure.
            }
        }
    }


    private static boolean bucketHostOn(URI uri, URI endpoint) {
        String host = uri.getHost();
        return host != null && endpoint.getHost() != null
                && host.toLowerCase(Locale.ROOT).endsWith("." + endpoint.getHost().toLowerCase(Locale.ROOT))
                && Objects.equals(uri.getScheme(), endpoint.getScheme())
                && Redirects.port(uri) == Redirects.port(endpoint);
    }
}
