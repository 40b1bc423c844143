package io.astrocloud.auth;

import io.astrocloud.settings.Defaults;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one factory of astro-cloud's AWS SDK clients: every S3 client is built here, with the same
 * HTTP client and timeouts ({@link Defaults}); clients of other AWS services share
 * {@link #httpClient} and {@link #overrideConfiguration}. The caller closes what it gets.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /**
     * True when Apache's SDK HTTP client is on the class path. It is not in the Lambda's small
     * package, which gives its JDK-based client to {@link #s3(S3Access, SdkHttpClient)}.
     */
    public static boolean apacheAvailable() {
        try {
            Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient", false,
                    AwsClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The SDK HTTP client of astro-cloud's AWS clients: Apache's, holding up to
     * {@code maxConnections} connections (see {@link Defaults#connections}), connecting within
     * {@value Defaults#CONNECT_TIMEOUT_SECONDS} s and waiting at most {@code socketTimeout} between bytes.
     */
    public static SdkHttpClient httpClient(int maxConnections, Duration socketTimeout) {
        return Apache.client(maxConnections, socketTimeout);
    }

    /**
     * The SDK settings of astro-cloud's AWS clients: the SDK's standard retries (backoff with
     * jitter) for {@code maxAttempts} attempts in all, each within {@code attemptTimeout}. S3
     * clients make one attempt: astro-cloud's source tier retries, once, for every store.
     */
    public static ClientOverrideConfiguration overrideConfiguration(int maxAttempts, Duration attemptTimeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .retryStrategy(r -> r.maxAttempts(maxAttempts))
                .apiCallAttemptTimeout(attemptTimeout)
                .build();
    }

    /**
     * An S3 client for {@code access}, on {@link #httpClient} sized to its connections when Apache's
     * client is on the class path (else the SDK's default HTTP client).
     */
    public static S3Client s3(S3Access access) {
        return s3(access, apacheAvailable() ? httpClient(access.maxConnections(), access.timeout()) : null);
    }

    /**
     * An S3 client for {@code access} on {@code httpClient} (null: the SDK's default): its
     * credentials, region, endpoint and addressing; one attempt per call, within the access's
     * timeout. Without a region or an endpoint, the client follows S3's redirects to a bucket's region.
     */
    public static S3Client s3(S3Access access, SdkHttpClient httpClient) {
        S3ClientBuilder b = S3Client.builder()
                .credentialsProvider(access.credentialsProvider())
                .region(access.resolvedRegion())
                .forcePathStyle(access.pathStyle())
                .overrideConfiguration(overrideConfiguration(1, access.timeout()));
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        if (access.endpoint() != null) {
            b.endpointOverride(access.endpoint());
        } else if (access.region() == null) {
            // Buckets live in many regions; let the client follow S3's redirect to the right one.
            b.crossRegionAccessEnabled(true);
        }
        return b.build();
    }

    /** Apache's client, in a class of its own: loaded only where it is on the class path. */
    private static final class Apache {
        static SdkHttpClient client(int maxConnections, Duration socketTimeout) {
            return ApacheHttpClient.builder().maxConnections(maxConnections).socketTimeout(socketTimeout)
                    .connectionTimeout(Duration.ofSeconds(Defaults.CONNECT_TIMEOUT_SECONDS)).build();
        }
    }
}
