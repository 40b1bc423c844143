package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.HeaderReader;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.testkit.net.TcpFaultProxy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart's priming against S3Proxy and DynamoDB Local, through TCP proxies that count connections,
 * with the clients built as the deployed ones are (JDK HTTP over {@link SnapshotConnections}).
 * SnapStart itself cannot run here: the test calls the CRaC hook as Lambda's runtime would, and checks
 * what the snapshot would hold (the priming's connections closed, none left for a restored JVM to
 * reuse) and that priming writes nothing.
 */
class SnapStartPrimingTest {
    private IndexFixture f;
    private TcpFaultProxy s3Proxy;
    private TcpFaultProxy dynamoProxy;
    private SnapshotConnections connections;
    private S3Client s3;
    private DynamoDbClient dynamo;
    private SnapStartPriming priming;

    @BeforeEach
    void deployedClientsBehindCountingProxies() throws IOException {
        f = IndexFixture.withTable("priming-" + System.nanoTime());
        s3Proxy = TcpFaultProxy.start(IndexFixture.s3().endpoint());
        dynamoProxy = TcpFaultProxy.start(IndexFixture.dynamo().endpoint());
        connections = IndexerFactory.connections();
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create(connections))
                .endpointOverride(s3Proxy.uri()).forcePathStyle(true).region(Region.of(IndexFixture.s3().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IndexFixture.s3().accessKey(), IndexFixture.s3().secretKey())))
                .build();
        dynamo = DynamoDbClients.builder(connections).applyMutation(IndexFixture.dynamo()::configure)
                .endpointOverride(dynamoProxy.uri()).build();
        priming = IndexerFactory.priming(s3, dynamo, new LambdaSettings(f.table, true, IndexFixture.BUCKET),
                connections);
    }

    @AfterEach
    void close() throws IOException {
        s3.close();
        dynamo.close();
        s3Proxy.close();
        dynamoProxy.close();
    }

    @Test
    void runsTheWholePathAndWritesNothing() throws Exception {
        long objectsBefore = IndexFixture.s3().admin().listObjectsV2(b -> b.bucket(IndexFixture.BUCKET)).keyCount();
        assertThat((Resource) priming).isNotNull();
        priming.beforeCheckpoint(null);
        List<String> steps = priming.prime();
        assertThat(steps).containsExactly("dynamodb", "s3", "fits");
        assertThat(dynamoProxy.connections()).isPositive();
        assertThat(s3Proxy.connections()).isPositive();
        assertThat(f.dynamoClient.scan(b -> b.tableName(f.table)).count()).isZero();
        assertThat(IndexFixture.s3().admin().listObjectsV2(b -> b.bucket(IndexFixture.BUCKET)).keyCount())
                .isEqualTo(objectsBefore);
    }

    @Test
    void keepsNoConnectionForTheRestoredFunction() {
        priming.prime();
        int dynamoBefore = dynamoProxy.connections();
        int s3Before = s3Proxy.connections();
        // The first requests after the "restore" cannot reuse a connection of the priming: each opens one.
        getItem();
        s3.headBucket(b -> b.bucket(IndexFixture.BUCKET));
        assertThat(dynamoProxy.connections()).isEqualTo(dynamoBefore + 1);
        assertThat(s3Proxy.connections()).isEqualTo(s3Before + 1);
        // Outside priming the JDK keeps a connection alive and reuses it: what priming must not leave behind.
        getItem();
        s3.headBucket(b -> b.bucket(IndexFixture.BUCKET));
        assertThat(dynamoProxy.connections()).isEqualTo(dynamoBefore + 1);
        assertThat(s3Proxy.connections()).isEqualTo(s3Before + 1);
    }

    @Test
    void aFailingStepIsSkippedAndTheOthersStillRun() {
        SnapStartPriming noTable = IndexerFactory.priming(s3, dynamo,
                new LambdaSettings("no-such-table", true, IndexFixture.BUCKET), connections);
        assertThat(noTable.prime()).containsExactly("s3", "fits");
    }

    @Test
    void theInMemoryFileIsValidFits() throws Exception {
        byte[] fits = SnapStartPriming.smallFits();
        assertThat(fits.length % 2880).isZero();
        try (var walk = io.astrocloud.fits.HeaderWalk.over(new io.astrocloud.source.MemoryRangeSource("mem", fits),
                HeaderReader.WALK)) {
            List<io.astrocloud.fits.Hdu> hdus = walk.toList();
            assertThat(hdus).hasSize(2);
            assertThat(hdus).allSatisfy(h -> assertThat(h.complete()).isTrue());
            assertThat(walk.warnings()).isEmpty();
        }
    }

    private void getItem() {
        dynamo.getItem(b -> b.tableName(f.table).key(Map.of(IndexSchema.PK, AttributeValue.fromS("s3://x/y"),
                IndexSchema.SK, AttributeValue.fromS(IndexSchema.FILE_SK))));
    }
}
