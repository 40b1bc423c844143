package io.astrocloud.samples.indexing;

import io.astrocloud.index.HduMatch;
import io.astrocloud.index.IndexReader;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.IndexedObject;
import io.astrocloud.lambda.S3EventHandler;
import io.astrocloud.samples.invoke.LocalInvoke;
import io.astrocloud.testkit.lambda.LocalContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Indexing on upload, as deployed but on any S3 and DynamoDB endpoints: a FITS file is put into
 * the bucket, S3's "object created" notification for it goes to the indexing function
 * ({@link S3EventHandler}, through the Lambda runtime's serialization), and the index is then
 * queried through its read path ({@link IndexReader}: the secondary indexes, keeping only what the
 * committed version of each object says). Where the store sends no notifications (S3Proxy, MinIO
 * without a webhook), this class writes the one S3 would have sent ({@link S3Notification}).
 */
public final class IndexOnUpload {
    /** The function's name in template.yaml. */
    public static final String FUNCTION = "IndexFunction";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 12);

    private final S3Client s3;
    private final String region;
    private final DynamoDbClient dynamo;
    private final String table;
    private final S3EventHandler function;
    private final IndexReader reader;

    /**
     * @param s3       the bucket's store (used as is, not closed)
     * @param region   the region S3 events name
     * @param dynamo   the index table's DynamoDB (used as is, not closed)
     * @param table    the index table
     * @param function the indexing function, over the same stores
     */
    public IndexOnUpload(S3Client s3, String region, DynamoDbClient dynamo, String table, S3EventHandler function) {
        this.s3 = s3;
        this.region = region;
        this.dynamo = dynamo;
        this.table = table;
        this.function = function;
        this.reader = new IndexReader(dynamo, table);
    }

    /** Creates the index table as template.yaml defines it, and waits until it is active. */
    public static void createTable(DynamoDbClient dynamo, String table) {
        dynamo.createTable(IndexSchema.createTableRequest(table));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    /** What one S3 event did to the index. */
    public record Delivery(String url, String notification, String result, List<String> functionLog) {
    }

    /** Puts {@code fits} at {@code key}, then delivers S3's notification of it to the function. */
    public Delivery upload(String bucket, String key, byte[] fits) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(fits));
        return announce(bucket, key);
    }

    /**
     * Delivers the notification of an object already in the bucket (its size, ETag and version as
     * HeadObject gives them) to the function, and returns what the function answered and logged.
     */
    public Delivery announce(String bucket, String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        String notification = S3Notification.objectCreated(region, bucket, key, head.contentLength(), head.eTag(),
                head.versionId(), String.format("%018X", SEQUENCE.incrementAndGet()), Instant.now());
        List<String> log = new ArrayList<>();
        String result = LocalInvoke.invoke(function, notification, new LocalContext(FUNCTION, LocalInvoke.TIMEOUT, log::add));
        return new Delivery("s3://" + bucket + "/" + key, notification, result, log);
    }

    /**
     * HDUs whose target (OBJECT, else TARGNAME) is {@code target}, however it is spelled ({@code NGC 1316},
     * {@code ngc1316}), through index {@value IndexSchema#BY_TARGET}, by start time.
     */
    public List<HduMatch> findByTarget(String target) {
        return reader.byTarget(target);
    }

    /** HDUs whose INSTRUME is {@code instrument} (any spelling), through index {@value IndexSchema#BY_INSTRUMENT}. */
    public List<HduMatch> findByInstrument(String instrument) {
        return reader.byInstrument(instrument);
    }

    /** What the index holds for one object: its committed version, every HDU with its cards and description. */
    public Optional<IndexedObject> indexed(String url) {
        return reader.object(url);
    }
}
