package io.astrocloud.lambda;

import io.astrocloud.auth.AwsClients;
import io.astrocloud.auth.S3Access;
import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.HeaderReader;
import io.astrocloud.index.IndexTable;
import io.astrocloud.index.Indexer;
import io.astrocloud.source.RetryPolicy;
import java.time.Duration;
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
                    DynamoDbClient dynamo = DynamoDbClients.builder(connections).build();
                    shared = Indexer.create(s3, dynamo, settings.tableName(), S3_RETRY);
                    SnapStartPriming.register(priming(s3, dynamo, settings, connections));
                }
                i = shared;
            }
        }
        return i;
    }

    /** The priming of an indexer over these clients, which closes what {@code connections} opened for it. */
    static SnapStartPriming priming(S3Client s3, DynamoDbClient dynamo, LambdaSettings settings,
                                    SnapshotConnections connections) {
        return new SnapStartPriming(new IndexTable(dynamo, settings.tableName()), HeaderReader.over(s3, S3_RETRY),
                settings.bucketName(), connections);
    }

    /** The deployed clients' connections, with the timeouts of {@link DynamoDbClients} (the core's), S3's too. */
    static SnapshotConnections connections() {
        return new SnapshotConnections(DynamoDbClients.CONNECT_TIMEOUT, DynamoDbClients.READ_TIMEOUT);
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
}
