package io.astrocloud.index;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds every DynamoDB client of the index (the Lambda's, the command line's {@code index}, the
 * samples', the tests'): the JDK's HTTP client ({@code url-connection-client}: the Lambda package holds
 * no Netty and no Apache client, and naming the client means the SDK never searches the class path for
 * one), the timeouts below, and the SDK's standard retries with backoff, so throttling backs off.
 * Region, endpoint and credentials are the SDK's defaults unless the caller sets them on the builder.
 */
public final class DynamoDbClients {
    // The timeouts of the project's AWS clients (the Lambda's S3 client uses the same two for its
    // connections): when the core has one settings class for SDK clients, these become references to it.
    /** Time to open a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest wait for the next bytes of a response. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Longest time one attempt of a call may take, retries apart. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** Attempts of each call, the first included (SDK standard mode, backoff with jitter). */
    public static final int ATTEMPTS = 6;

    private DynamoDbClients() {
    }

    /**
     * A builder with the index's HTTP client, timeouts and retries. To change the retries or add
     * interceptors, start from its {@code overrideConfiguration().toBuilder()}: setting a new override
     * configuration replaces this one.
     */
    public static DynamoDbClientBuilder builder() {
        return builder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT)
                .build());
    }

    /**
     * The same over connections that {@code connections} opens (the Lambda's, which keeps SnapStart's
     * priming out of the snapshot). The factory sets the connections' timeouts: give it
     * {@link #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}.
     */
    public static DynamoDbClientBuilder builder(UrlConnectionFactory connections) {
        return builder(UrlConnectionHttpClient.create(connections));
    }

    /**
     * A client for {@code region} (null: the SDK's region chain) and {@code endpoint} (null: AWS's
     * own; else DynamoDB Local, LocalStack), with the default credentials chain.
     */
    public static DynamoDbClient create(String region, URI endpoint) {
        DynamoDbClientBuilder b = builder();
        if (region != null) {
            b.region(Region.of(region));
        }
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    private static DynamoDbClientBuilder builder(SdkHttpClient http) {
        return DynamoDbClient.builder()
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(r -> r.maxAttempts(ATTEMPTS))
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
    }
}
