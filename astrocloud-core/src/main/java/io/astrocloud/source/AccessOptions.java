package io.astrocloud.source;

import io.astrocloud.auth.S3Access;
import io.astrocloud.settings.Defaults;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach objects: S3 settings, extra HTTP headers, timeouts, retries, and clients the
 * caller already has (used as they are and never closed here).
 */
public final class AccessOptions {
    private final S3Access s3;
    private final S3Client s3Client;
    private final HttpClient httpClient;
    private final Map<String, String> httpHeaders;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final RetryPolicy retry;
    private final long maxDiscard;
    private final Map<String, String> settings;

    private AccessOptions(Builder b) {
        this.s3 = b.s3;
        this.s3Client = b.s3Client;
        this.httpClient = b.httpClient;
        this.httpHeaders = Map.copyOf(b.httpHeaders);
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.retry = b.retry;
        this.maxDiscard = b.maxDiscard;
        this.settings = Map.copyOf(b.settings);
    }

    /**
     * The defaults ({@link Defaults}): default S3 access, no extra headers, 30 s per request, 10 s to
     * connect, {@link RetryPolicy#DEFAULT}, 8 MiB read through when a server ignores Range.
     */
    public static AccessOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder().s3(s3).s3Client(s3Client).httpClient(httpClient).timeout(timeout)
                .connectTimeout(connectTimeout).retry(retry).maxDiscard(maxDiscard);
        b.httpHeaders.putAll(httpHeaders);
        b.settings.putAll(settings);
        return b;
    }

    /** S3 settings. */
    public S3Access s3() {
        return s3;
    }

    /** A client supplied by the caller, or null. */
    public S3Client s3Client() {
        return s3Client;
    }

    /** An HTTP client supplied by the caller, or null. */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** Extra headers sent with every HTTP request. */
    public Map<String, String> httpHeaders() {
        return httpHeaders;
    }

    /** How long one request may take (and a stream may stall). */
    public Duration timeout() {
        return timeout;
    }

    /** How long connecting may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How to retry passing failures. */
    public RetryPolicy retry() {
        return retry;
    }

    /** Bytes that may be read through and dropped when a server ignores Range. */
    public long maxDiscard() {
        return maxDiscard;
    }

    /**
     * A store-specific setting for a {@link StoreProvider}, by name (for example
     * {@code gcs.userProject}, {@code azure.sasToken}), or null.
     */
    public String setting(String name) {
        return settings.get(name);
    }

    /** All store-specific settings. */
    public Map<String, String> settings() {
        return settings;
    }

    /** Builds {@link AccessOptions}. */
    public static final class Builder {
        private S3Access s3 = S3Access.defaults();
        private S3Client s3Client;
        private HttpClient httpClient;
        private final Map<String, String> httpHeaders = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(Defaults.REQUEST_TIMEOUT_SECONDS);
        private Duration connectTimeout = Duration.ofSeconds(Defaults.CONNECT_TIMEOUT_SECONDS);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private long maxDiscard = Defaults.MAX_DISCARD;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a store-specific setting (see {@link AccessOptions#setting(String)}); null removes it. */
        public Builder setting(String name, String value) {
            if (value == null) {
                settings.remove(name);
            } else {
                settings.put(name, value);
            }
            return this;
        }

        /** S3 settings. */
        public Builder s3(S3Access s3) {
            this.s3 = Objects.requireNonNull(s3);
            return this;
        }

        /** An S3 client to use as is (not closed by astro-cloud); null to build one from {@link #s3(S3Access)}. */
        public Builder s3Client(S3Client client) {
            this.s3Client = client;
            return this;
        }

        /**
         * An HTTP client to use as is; null to build one. It must not follow redirects itself
         * ({@link HttpClient.Redirect#NEVER}): the HTTP source follows them, keeping headers such as
         * Authorization on their origin, where the JDK's client would send them to any host.
         *
         * @throws IllegalArgumentException when {@code client} follows redirects
         */
        public Builder httpClient(HttpClient client) {
            if (client != null && client.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HTTP client follows redirects itself ("
                        + client.followRedirects() + "), which would send every header to any host: build it with "
                        + "HttpClient.Redirect.NEVER");
            }
            this.httpClient = client;
            return this;
        }

        /** Adds a header to every HTTP request (e.g. {@code Authorization}). */
        public Builder httpHeader(String name, String value) {
            this.httpHeaders.put(name, value);
            return this;
        }

        /** How long one request may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long connecting may take. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How to retry passing failures. */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /** Bytes that may be read through when a server ignores Range. */
        public Builder maxDiscard(long bytes) {
            this.maxDiscard = bytes;
            return this;
        }

        /** The options. */
        public AccessOptions build() {
            return new AccessOptions(this);
        }
    }
}
