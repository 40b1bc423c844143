package io.astrocloud.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.aws.SdkFaults;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The servers and clients the indexer's tests share: S3Proxy and DynamoDB Local in this JVM (or
 * the endpoints in {@code ASTROCLOUD_TEST_S3_ENDPOINT} and {@code ASTROCLOUD_TEST_DYNAMODB_ENDPOINT},
 * for LocalStack), a table created from template.yaml's own definition, and an {@link Indexer}
 * over clients built as the Lambda builds them (JDK HTTP client; DynamoDB's by {@link DynamoDbClients},
 * with quicker retries) with fault injectors attached.
 * Other modules' tests use it from this module's test jar.
 */
public final class IndexFixture {
    public static final String BUCKET = "fits-archive";
    private static final AtomicLong SEQUENCE = new AtomicLong(0x0065A1B2C3D40000L);
    private static TestS3 s3;
    private static TestDynamo dynamo;

    public final SdkFaults s3Faults = new SdkFaults();
    public final SdkFaults dynamoFaults = new SdkFaults();
    public final S3Client s3Client;
    public final DynamoDbClient dynamoClient;
    public final String table;
    public final Indexer indexer;

    private IndexFixture(String table) {
        this.table = table;
        this.s3Client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(r -> r.maxAttempts(1))
                        .addExecutionInterceptor(s3Faults))
                .build();
        BackoffStrategy fast = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(40));
        DynamoDbClientBuilder dynamoBuilder = DynamoDbClients.builder().applyMutation(dynamo::configure);
        this.dynamoClient = dynamoBuilder
                .overrideConfiguration(dynamoBuilder.overrideConfiguration().toBuilder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(4).backoffStrategy(fast).throttlingBackoffStrategy(fast)
                                .circuitBreakerEnabled(false).build())
                        .addExecutionInterceptor(dynamoFaults).build())
                .build();
        this.indexer = Indexer.create(s3Client, dynamoClient, table,
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    /** A fixture with a new table {@code table}, made as template.yaml defines the index table. */
    public static synchronized IndexFixture withTable(String table) {
        try {
            if (s3 == null) {
                s3 = TestS3.start();
                dynamo = TestDynamo.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    s3.close();
                    dynamo.close();
                }));
            }
            s3.createBucket(BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IndexFixture f = new IndexFixture(table);
        f.createTable();
        return f;
    }

    public static TestS3 s3() {
        return s3;
    }

    public static TestDynamo dynamo() {
        return dynamo;
    }

    /** A new sequencer, greater than every earlier one; lengths vary as S3's may. */
    public static String nextSequencer() {
        long n = SEQUENCE.addAndGet(0x100);
        return String.format("%016X", n) + (n % 3 == 0 ? "" : String.format("%02X", n & 0xff));
    }

    /** Uploads {@code bytes} to {@code key}. */
    public PutObjectResponse put(String key, byte[] bytes) {
        return s3.admin().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    /** Uploads {@code bytes} and returns the creation event S3 would send, with a new sequencer. */
    public ObjectEvent upload(String key, byte[] bytes) {
        PutObjectResponse r = put(key, bytes);
        return ObjectEvent.created(BUCKET, key, r.versionId(), bytes.length, ObjectVersion.bareEtag(r.eTag()),
                Sequencer.of(nextSequencer()));
    }

    /** Every item of {@code url}, in sort-key order, read consistently. */
    public List<Map<String, AttributeValue>> items(String url) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        dynamoClient.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url)))).items().forEach(all::add);
        return all;
    }

    /** The file item of {@code url}, or an empty map. */
    public Map<String, AttributeValue> fileItem(String url) {
        return items(url).stream().filter(i -> i.get("sk").s().equals(IndexSchema.FILE_SK)).findFirst()
                .orElse(Map.of());
    }

    /** The HDU items of {@code url} (every version's), in sort-key order. */
    public List<Map<String, AttributeValue>> hduItems(String url) {
        return items(url).stream().filter(i -> i.get("itemType").s().equals("HDU")).toList();
    }

    /** The index's read paths over this fixture's table. */
    public IndexReader reader() {
        return new IndexReader(dynamoClient, table);
    }

    /** The HDUs of the committed version of {@code url} (none when the object is not indexed). */
    public List<IndexedHdu> hdus(String url) {
        return reader().object(url).map(IndexedObject::hdus).orElse(List.of());
    }

    /**
     * The object's index as a walk document ({@code {"hdus": [{"headerOffset", "headerBytes",
     * "dataOffset", "dataBytes", "cards"}]}}), the shape astropy's golden records compare with.
     */
    public JsonNode asWalkDocument(String url) {
        ObjectNode doc = FitsJson.MAPPER.createObjectNode();
        ArrayNode hdus = doc.putArray("hdus");
        for (IndexedHdu h : hdus(url)) {
            ObjectNode n = hdus.addObject();
            n.put("headerOffset", h.headerOffset());
            n.put("headerBytes", h.headerBytes());
            n.put("dataOffset", h.dataOffset());
            n.put("dataBytes", h.dataBytes());
            n.set("cards", h.cards());
        }
        return doc;
    }

    private void createTable() {
        dynamoClient.createTable(templateTableRequest(table));
    }

    /** The request that creates {@code table} as template.yaml's IndexTable defines it. */
    public static CreateTableRequest templateTableRequest(String table) {
        CfnTemplate template;
        try {
            template = CfnTemplate.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> props = template.properties("IndexTableV2");
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : CfnTemplate.list(props, "AttributeDefinitions")) {
            Map<?, ?> m = (Map<?, ?>) a;
            attributes.add(AttributeDefinition.builder().attributeName((String) m.get("AttributeName"))
                    .attributeType((String) m.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : CfnTemplate.list(props, "GlobalSecondaryIndexes")) {
            Map<?, ?> m = (Map<?, ?>) g;
            Map<?, ?> projection = (Map<?, ?>) m.get("Projection");
            @SuppressWarnings("unchecked")
            List<String> nonKey = (List<String>) projection.get("NonKeyAttributes");
            Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
            if (nonKey != null) {
                p.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) m.get("IndexName"))
                    .keySchema(keySchema(m.get("KeySchema"))).projection(p.build()).build());
        }
        return CreateTableRequest.builder().tableName(table)
                .billingMode(BillingMode.fromValue((String) props.get("BillingMode")))
                .attributeDefinitions(attributes).keySchema(keySchema(props.get("KeySchema")))
                .globalSecondaryIndexes(indexes).build();
    }

    private static List<KeySchemaElement> keySchema(Object list) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : (List<?>) list) {
            Map<?, ?> m = (Map<?, ?>) k;
            keys.add(KeySchemaElement.builder().attributeName((String) m.get("AttributeName"))
                    .keyType((String) m.get("KeyType")).build());
        }
        return keys;
    }

    /** Attribute values by name, for readable assertions. */
    public static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> m = new HashMap<>();
        item.forEach((k, v) -> m.put(k, v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString()));
        return m;
    }
}
