package io.astrocloud.source;

import io.astrocloud.auth.S3Access;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.RequestPayer;

/**
 * Amazon S3 and S3-compatible stores: the URLs {@link S3Location} reads, and HTTP(S) URLs on the
 * endpoint the access options set ({@link S3Location#onEndpoint}). Objects are read with ranged
 * GetObject ({@link S3RangeSource}); prefixes are listed with ListObjectsV2, page by page, by the
 * SDK's paginator. Keeps one client per set of S3 settings (the caller's client when the options
 * give one, which is never closed here).
 */
public final class S3StoreProvider implements StoreProvider {
    private final Map<S3Access, S3Client> clients = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public boolean accepts(String url, AccessOptions options) {
        try {
            return locate(url, options) != null;
        } catch (IllegalArgumentException malformed) {
            return true; // an S3 URL without a bucket: opening it says so
        }
    }

    /**
     * Where {@code url} lives, or null when it is no S3 URL. On the options' endpoint,
     * {@code ENDPOINT/bucket/key} reads as path-style S3 and {@code scheme://bucket.ENDPOINT-HOST/key}
     * as virtual-hosted (MinIO with a domain, any S3-compatible store); otherwise
     * {@link S3Location#parse} decides.
     */
    public S3Location locate(String url, AccessOptions options) {
        URI endpoint = options.s3().endpoint();
        if (endpoint != null && Urls.isHttp(url)) {
            URI uri = URI.create(url);
            S3Location onEndpoint = Urls.isPresigned(uri) ? null : S3Location.onEndpoint(uri, endpoint);
            if (onEndpoint != null) {
                return onEndpoint;
            }
        }
        return S3Location.parse(url);
    }

    @Override
    public RangeSource open(String url, AccessOptions options) {
        return open(located(url, options), options);
    }

    /** The bare backend for one object (or one version of it). */
    public RangeSource open(S3Location location, AccessOptions options) {
        if (location.isPrefix()) {
            throw new IllegalArgumentException("names a prefix, not an object: "
                    + Redaction.text(location.canonical()));
        }
        return new S3RangeSource(client(location, options), location.bucket(), location.key(),
                location.versionId(), options.s3().requesterPays(), options.maxDiscard());
    }

    @Override
    public boolean isPrefix(String url, AccessOptions options) {
        return located(url, options).isPrefix();
    }

    /** Each listed object keeps the prefix's service and addressing in its canonical URL. */
    @Override
    public Iterator<ObjectRef> list(String prefixUrl, Pattern include, AccessOptions options) {
        S3Location prefix = located(prefixUrl, options);
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(prefix.bucket())
                .prefix(prefix.key());
        if (options.s3().requesterPays()) {
            request.requestPayer(RequestPayer.REQUESTER);
        }
        return StreamSupport.stream(client(prefix, options).listObjectsV2Paginator(request.build()).contents()
                        .spliterator(), false)
                .filter(o -> include.matcher(o.key()).matches())
                .map(o -> new ObjectRef(prefix.withKey(o.key()).canonical(), o.eTag(),
                        o.size() == null ? -1 : o.size()))
                .iterator();
    }

    /** The S3 client for objects at {@code location} (the caller's, or one built and kept here). */
    public S3Client client(S3Location location, AccessOptions options) {
        if (options.s3Client() != null) {
            return options.s3Client();
        }
        return clients.computeIfAbsent(access(location, options), S3Access::newClient);
    }

    /**
     * The S3 settings for objects at {@code location}: the options' settings, with what the URL
     * says filled in. A URL on an S3-compatible service brings its endpoint and region (unless the
     * options set them) and its addressing style (always: the URL's form decides); an Amazon S3 URL
     * brings its region when the options set neither region nor endpoint.
     */
    public S3Access access(S3Location location, AccessOptions options) {
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

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }

    private S3Location located(String url, AccessOptions options) {
        S3Location location = locate(url, options);
        if (location == null) {
            throw new IllegalArgumentException("not an S3 URL: " + Redaction.text(url));
        }
        return location;
    }
}
