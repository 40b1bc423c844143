package io.astrocloud.samples;

import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.Indexer;
import io.astrocloud.lambda.IndexerFactory;
import io.astrocloud.lambda.S3EventHandler;
import io.astrocloud.samples.indexing.IndexOnUpload;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * S3Proxy and DynamoDB Local, started once for the samples' tests (or the endpoints in
 * {@code ASTROCLOUD_TEST_S3_ENDPOINT} / {@code ASTROCLOUD_TEST_DYNAMODB_ENDPOINT}), with a client
 * for DynamoDB on the JDK HTTP client as the function builds it.
 */
public final class AwsServers {
    private static TestS3 s3;
    private static TestDynamo dynamo;
    private static DynamoDbClient dynamoClient;

    private AwsServers() {
    }

    /** The S3 server, started on first use. */
    public static synchronized TestS3 s3() {
        start();
        return s3;
    }

    /** The DynamoDB server, started on first use. */
    public static synchronized TestDynamo dynamo() {
        start();
        return dynamo;
    }

    /** A DynamoDB client for {@link #dynamo()}. */
    public static synchronized DynamoDbClient dynamoClient() {
        start();
        return dynamoClient;
    }

    /** A new index table, named {@code prefix-xxxxxxxx}. */
    public static String newTable(String prefix) {
        String table = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        IndexOnUpload.createTable(dynamoClient(), table);
        return table;
    }

    /** The indexing function over these servers and {@code table}. */
    public static S3EventHandler function(String table) {
        return new S3EventHandler(Indexer.create(s3().admin(), dynamoClient(), table, IndexerFactory.S3_RETRY));
    }

    private static void start() {
        if (s3 != null) {
            return;
        }
        try {
            s3 = TestS3.start();
            dynamo = TestDynamo.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dynamoClient = DynamoDbClients.builder().applyMutation(dynamo::configure).build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dynamoClient.close();
            dynamo.close();
            s3.close();
        }));
    }
}
