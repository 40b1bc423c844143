package io.astrocloud.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import io.astrocloud.settings.Defaults;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach S3 or an S3-compatible store: credentials (the default AWS chain, a named profile,
 * or anonymous for public buckets such as {@code stpubdata}), region, endpoint override and
 * path-style addressing (MinIO, DigitalOcean Spaces), and whether to pay for requester-pays
 * buckets. {@link AwsClients} builds the {@link S3Client}.
 */
public final class S3Access {
    private static final Logger LOG = LoggerFactory.getLogger(S3Access.class);

    /** Where credentials come from. */
    public enum Credentials {
        /** The default chain (environment, profile, container, instance role); anonymous if it has none. */
        AUTO,
        /** The default chain only: fail when it has no credentials. */
        DEFAULT_CHAIN,
        /** No credentials: unsigned requests, for public buckets. */
        ANONYMOUS
    }

    private final Credentials credentials;
    private final String profile;
    private final String region;
    private final URI endpoint;
    private final boolean pathStyle;
    private final boolean requesterPays;
    private final Duration timeout;
    private final int maxConnections;

    private S3Access(Builder b) {
        this.credentials = b.credentials;
        this.profile = b.profile;
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.pathStyle = b.pathStyle;
        this.requesterPays = b.requesterPays;
        this.timeout = b.timeout;
        this.maxConnections = b.maxConnections;
    }

    /** Default access: the default chain or anonymous, region from the environment or us-east-1. */
    public static S3Access defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this access's settings. */
    public Builder toBuilder() {
        return new Builder().credentials(credentials).profile(profile).region(region).endpoint(endpoint)
                .pathStyle(pathStyle).requesterPays(requesterPays).timeout(timeout).maxConnections(maxConnections);
    }

    /** Where credentials come from. */
    public Credentials credentials() {
        return credentials;
    }

    /** The region asked for, or null (then the environment's, else us-east-1). */
    public String region() {
        return region;
    }

    /** The endpoint override, or null for AWS. */
    public URI endpoint() {
        return endpoint;
    }

    /** Whether requests use path-style addressing. */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** Whether the caller agrees to pay for requests on requester-pays buckets. */
    public boolean requesterPays() {
        return requesterPays;
    }

    /** How long one request may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Connections the client may hold open. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The credentials provider these settings call for (anonymous when AUTO finds nothing). */
    public AwsCredentialsProvider credentialsProvider() {
        if (credentials == Credentials.ANONYMOUS) {
            return AnonymousCredentialsProvider.create();
        }
        AwsCredentialsProvider chain = profile != null
                ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        if (credentials == Credentials.DEFAULT_CHAIN) {
            return chain;
        }
        try {
            chain.resolveCredentials();
            return chain;
        } catch (SdkClientException none) {
            LOG.info("No AWS credentials found ({}); using anonymous access", firstLine(none.getMessage()));
            return AnonymousCredentialsProvider.create();
        }
    }

    /** The region to use: as asked, else from the environment or profile, else us-east-1. */
    public Region resolvedRegion() {
        if (region != null) {
            return Region.of(region);
        }
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException none) {
            return Region.US_EAST_1;
        }
    }

    /** A new client for these settings ({@link AwsClients#s3(S3Access)}). The caller closes it. */
    public S3Client newClient() {
        return AwsClients.s3(this);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof S3Access)) {
            return false;
        }
        S3Access a = (S3Access) o;
        return credentials == a.credentials && Objects.equals(profile, a.profile) && Objects.equals(region, a.region)
                && Objects.equals(endpoint, a.endpoint) && pathStyle == a.pathStyle
                && requesterPays == a.requesterPays && timeout.equals(a.timeout) && maxConnections == a.maxConnections;
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentials, profile, region, endpoint, pathStyle, requesterPays, timeout, maxConnections);
    }

    /** Builds {@link S3Access}. */
    public static final class Builder {
        private Credentials credentials = Credentials.AUTO;
        private String profile;
        private String region;
        private URI endpoint;
        private boolean pathStyle;
        private boolean requesterPays;
        private Duration timeout = Duration.ofSeconds(Defaults.REQUEST_TIMEOUT_SECONDS);
        private int maxConnections = Defaults.MIN_CONNECTIONS;

        private Builder() {
        }

        /**
         * Connections the client may hold open: at least the walks run at once
         * ({@link Defaults#connections}; default {@value Defaults#MIN_CONNECTIONS}).
         */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = n;
            return this;
        }

        /** Where credentials come from (default AUTO). */
        public Builder credentials(Credentials c) {
            this.credentials = Objects.requireNonNull(c);
            return this;
        }

        /** Anonymous (unsigned) access when true; AUTO when false. */
        public Builder anonymous(boolean anonymous) {
            return credentials(anonymous ? Credentials.ANONYMOUS : Credentials.AUTO);
        }

        /** A named profile from {@code ~/.aws/credentials} instead of the default chain. */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** The region (e.g. us-east-1); null for the environment's. */
        public Builder region(String region) {
            this.region = region == null || region.isBlank() ? null : region;
            return this;
        }

        /** An endpoint for an S3-compatible store (MinIO, DigitalOcean Spaces, LocalStack). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Path-style addressing ({@code endpoint/bucket/key}), as most S3-compatible stores want. */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /** Agree to pay for requests on requester-pays buckets. */
        public Builder requesterPays(boolean requesterPays) {
            this.requesterPays = requesterPays;
            return this;
        }

        /** How long one request may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The settings. */
        public S3Access build() {
            return new S3Access(this);
        }
    }
}
