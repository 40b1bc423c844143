package io.astrocloud.source;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain HTTP(S): every {@code http} and {@code https} URL no other store claims, presigned and
 * signed URLs included (their query is their credential). Read with {@link HttpRangeSource} on one
 * JDK client per connect timeout (or the caller's client, when the options give one).
 */
public final class HttpStoreProvider implements StoreProvider {
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean accepts(String url, AccessOptions options) {
        return Urls.isHttp(url);
    }

    @Override
    public RangeSource open(String url, AccessOptions options) {
        return new HttpRangeSource(URI.create(url), client(options), options.httpHeaders(), options.timeout(),
                options.maxDiscard());
    }

    /** The HTTP client (the caller's, or one built and kept here). */
    private HttpClient client(AccessOptions options) {
        if (options.httpClient() != null) {
            return options.httpClient();
        }
        return clients.computeIfAbsent(options.connectTimeout(), HttpRangeSource::newClient);
    }
}
