package io.astrocloud.index;

import io.astrocloud.auth.AwsClients;
import io.astrocloud.settings.Defaults;
import java.net.URI;
import java.time.Duration;
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
 * one), the timeouts every AWS client of the project has ({@link Defaults}), and the SDK's standard
 * retries with backoff ({@link AwsClients#overrideConfiguration}), so throttling backs off.
 * Region, endpoint and credentials are the SDK's defaults unless the caller sets them on the builder.
 */
public final class DynamoDbClients {
    /** Time to open a connection ({@link Defaults#CONNECT_TIMEOUT_SECONDS}, as every AWS client of the project). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(Defaults.CONNECT_TIMEOUT_SECONDS);
    /** Longest wait for the next bytes of a response ({@link Defaults#REQUEST_TIMEOUT_SECONDS}). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(Defaults.REQUEST_TIMEOUT_SECONDS);
    /** Longest time one attempt of a call may take, retries apart ({@link Defaults#REQUEST_TIMEOUT_SECONDS}). */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(Defaults.REQUEST_TIMEOUT_SECONDS);
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
                .overrideConfiguration(AwsClients.overrideConfiguration(ATTEMPTS, ATTEMPT_TIMEOUT));
    }
}
