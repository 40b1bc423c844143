package io.astrocloud.lambda;

import io.astrocloud.auth.AwsClients;
import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.settings.Defaults;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.source.SourceResolver;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the {@link Indexer} the deployed handlers share: S3 and DynamoDB clients on the JDK's
 * HTTP client ({@code url-connection-client}; the package has no Netty and no Apache client, and
 * building the clients explicitly means the SDK never searches the class path for one), the
 * core's source tier for S3 (its retries, with the SDK's off), and the SDK's standard retries
 * with backoff for DynamoDB throttling. Built once per execution environment, before SnapStart's
 * snapshot, with a {@link SnapStartPriming} registered to run the event path before it is taken.
 */
public final class IndexerFactory {
    /** Retries of S3 reads: 5 attempts from 200 ms, at most 5 s apart. */
    public static final RetryPolicy S3_RETRY = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    /** Attempts of each DynamoDB call, the first included (SDK standard mode, backoff with jitter). */
    public static final int DYNAMODB_ATTEMPTS = 6;
    /** Walk options: default read-ahead; gzip allowed, since {@code .fits.gz} is one of the suffixes. */
    public static final WalkOptions WALK = WalkOptions.DEFAULT.withGzip(true);

    private static volatile Indexer shared;

    private IndexerFactory() {
    }

    /** The indexer of this execution environment, built from {@link LambdaSettings#fromEnvironment()}. */
    public static Indexer shared() {
        Indexer i = shared;
        if (i == null) {
            synchronized (IndexerFactory.class) {
                if (shared == null) {
                    LambdaSettings settings = LambdaSettings.fromEnvironment();
                    SnapshotConnections connections = connections();
                    S3Client s3 = s3Client(settings, connections);
                    DynamoDbClient dynamo = dynamoDbClient(connections);
                    shared = indexer(s3, dynamo, settings.tableName(), S3_RETRY);
                    SnapStartPriming.register(priming(s3, dynamo, settings, connections));
                }
                i = shared;
            }
        }
        return i;
    }

    /** An indexer over the given clients (used as they are, never closed here). */
    public static Indexer indexer(S3Client s3, DynamoDbClient dynamo, String tableName, RetryPolicy s3Retry) {
        return new Indexer(reader(s3, s3Retry), new IndexTable(dynamo, tableName), Clock.systemUTC());
    }

    /** The priming of an indexer over these clients, which closes what {@code connections} opened for it. */
    static SnapStartPriming priming(S3Client s3, DynamoDbClient dynamo, LambdaSettings settings,
                                    SnapshotConnections connections) {
        return new SnapStartPriming(new IndexTable(dynamo, settings.tableName()), reader(s3, S3_RETRY),
                settings.bucketName(), connections);
    }

    private static HeaderReader reader(S3Client s3, RetryPolicy s3Retry) {
        return new HeaderReader(new SourceResolver(AccessOptions.builder().s3Client(s3).retry(s3Retry).build()), WALK);
    }

    /** The deployed clients' connections, with the core's timeouts: 10 s to connect, 30 s between bytes. */
    static SnapshotConnections connections() {
        return new SnapshotConnections(Duration.ofSeconds(Defaults.CONNECT_TIMEOUT_SECONDS),
                Duration.ofSeconds(Defaults.REQUEST_TIMEOUT_SECONDS));
    }

    /** The S3 client: JDK HTTP, SDK retries off (the source tier retries). */
    public static S3Client s3Client(LambdaSettings settings) {
        return s3Client(settings, connections());
    }

    static S3Client s3Client(LambdaSettings settings, SnapshotConnections connections) {
        S3Access access = S3Access.builder().credentials(S3Access.Credentials.DEFAULT_CHAIN)
                .pathStyle(settings.s3PathStyle()).build();
        // The function's own region: it reads its stack's bucket, so the client need not look buckets up.
        return AwsClients.s3(access.toBuilder().region(access.resolvedRegion().id()).build(),
                UrlConnectionHttpClient.create(connections));
    }

    /** The DynamoDB client: JDK HTTP, standard retries (throttling backs off). */
    public static DynamoDbClient dynamoDbClient() {
        return dynamoDbClient(connections());
    }

    static DynamoDbClient dynamoDbClient(SnapshotConnections connections) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create(connections))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(r -> r.maxAttempts(DYNAMODB_ATTEMPTS)))
                .build();
    }
}
