package io.astrocloud.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The index table as the {@link Indexer} reads and writes it. One write is conditional: the commit,
 * a PutItem of the file item that succeeds only for a newer event ({@link #commit}). Everything
 * else is written in batches (BatchWriteItem, 25 items a call, unprocessed items retried with
 * backoff) and identified by its version, so it needs no condition. A condition that fails is an
 * answer, not an error; throttling, 5xx and other service errors are thrown as the SDK gives them,
 * after its retries.
 */
public final class IndexTable {
    /** Items per BatchWriteItem call (DynamoDB's limit). */
    public static final int BATCH = 25;
    /** Rounds of a batch before its unprocessed items are reported as throttling. */
    public static final int BATCH_ROUNDS = 8;
    private static final Duration BATCH_BACKOFF = Duration.ofMillis(25);
    private static final Duration BATCH_BACKOFF_CAP = Duration.ofSeconds(1);
    private static final String STATE = String.join(", ", IndexSchema.SEQ, IndexSchema.VERSION,
            IndexSchema.FILE_STATUS, IndexSchema.VERSION_ID, IndexSchema.ETAG, IndexSchema.DERIVED_ITEMS, IndexSchema.BLOB_PARTS);

    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * @param dynamo    the client (not closed here)
     * @param tableName the table
     */
    public IndexTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /** The table's name. */
    public String name() {
        return tableName;
    }

    /** What the file item of {@code url} says (read consistently), or null when there is none. */
    public FileState state(String url) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(key(url, IndexSchema.FILE_SK)).projectionExpression(IndexSchema.PK + ", " + STATE)).item();
        return item == null || item.isEmpty() ? null : FileState.of(item);
    }

    /** The whole file item of {@code url}, or null. */
    public Map<String, AttributeValue> fileItem(String url, boolean consistent) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(consistent)
                .key(key(url, IndexSchema.FILE_SK))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /**
     * Commits a version: puts its file item unless the table holds a newer one. An event replaces
     * a file item written by an older event (a smaller sequencer) or by a backfill; a backfill
     * ({@link Sequencer#NONE}) replaces only a backfill's. The same version may be put again (the
     * SDK retries a write whose answer was lost, an event is redelivered): that succeeds.
     *
     * @return whether it committed, and the version it replaced
     */
    public Commit commit(Map<String, AttributeValue> fileItem, Sequencer seq) {
        String condition = "attribute_not_exists(" + IndexSchema.PK + ") OR " + IndexSchema.VERSION + " = :ver OR "
                + IndexSchema.SEQ + (seq.isNone() ? " = :seq" : " < :seq");
        try {
            PutItemResponse r = dynamo.putItem(b -> b.tableName(tableName).item(fileItem).conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":seq", AttributeValue.fromS(seq.value()),
                            ":ver", fileItem.get(IndexSchema.VERSION)))
                    .returnValues(ReturnValue.ALL_OLD));
            AttributeValue replaced = r.hasAttributes() ? r.attributes().get(IndexSchema.VERSION) : null;
            return new Commit(true, replaced == null ? null : replaced.s());
        } catch (ConditionalCheckFailedException newer) {
            return new Commit(false, null);
        }
    }

    /** Every item of {@code url} that belongs to a version (all but the file item), read consistently, in order. */
    public List<VersionedItem> versionedItems(String url) {
        QueryRequest q = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression(IndexSchema.PK + " = :pk AND begins_with(" + IndexSchema.SK + ", :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url),
                        ":v", AttributeValue.fromS(IndexSchema.VERSIONED_PREFIX)))
                .projectionExpression(String.join(", ", IndexSchema.SK, IndexSchema.VERSION, IndexSchema.ITEM_TYPE,
                        IndexSchema.INDEXED_AT)).build();
        List<VersionedItem> items = new ArrayList<>();
        dynamo.queryPaginator(q).items().forEach(i -> items.add(VersionedItem.of(i)));
        return items;
    }

    /** The part items of {@code version} of {@code url}, whole, in order. */
    public List<Map<String, AttributeValue>> parts(String url, String version, boolean consistent) {
        QueryRequest q = QueryRequest.builder().tableName(tableName).consistentRead(consistent)
                .keyConditionExpression(IndexSchema.PK + " = :pk AND begins_with(" + IndexSchema.SK + ", :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url),
                        ":p", AttributeValue.fromS(IndexSchema.versionPrefix(version) + "P#"))).build();
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        dynamo.queryPaginator(q).items().forEach(parts::add);
        return parts;
    }

    /**
     * Puts {@code puts} (items of {@code url}) and deletes the items of {@code url} whose sort keys
     * {@code deletes} lists, in batches of {@link #BATCH} (a put wins over a delete of the same
     * key); items DynamoDB leaves unprocessed are sent again with backoff, up to
     * {@link #BATCH_ROUNDS} rounds, then reported as throttling.
     */
    public void write(String url, List<Map<String, AttributeValue>> puts, Collection<String> deletes) {
        Map<String, WriteRequest> requests = new LinkedHashMap<>();
        for (String sk : deletes) {
            requests.put(sk, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key(url, sk)).build())
                    .build());
        }
        for (Map<String, AttributeValue> item : puts) {
            requests.put(item.get(IndexSchema.SK).s(),
                    WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        List<WriteRequest> all = new ArrayList<>(requests.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            send(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
    }

    private void send(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        for (int round = 0; round < BATCH_ROUNDS; round++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(request));
            if (!r.hasUnprocessedItems() || r.unprocessedItems().isEmpty()) {
                return;
            }
            pending = r.unprocessedItems();
            sleep(round);
        }
        throw throttled(pending.get(tableName).size() + " items of a BatchWriteItem left unprocessed after "
                + BATCH_ROUNDS + " rounds");
    }

    /** DynamoDB's throttling error, as the SDK would raise it (retryable, a throttling error code). */
    static ProvisionedThroughputExceededException throttled(String message) {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage(message).serviceName("DynamoDb").build())
                .build();
    }

    private static void sleep(int round) {
        long cap = Math.min(BATCH_BACKOFF_CAP.toMillis(), BATCH_BACKOFF.toMillis() << round);
        try {
            Thread.sleep(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw throttled("interrupted while retrying a batch");
        }
    }

    static Map<String, AttributeValue> key(String url, String sortKey) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put(IndexSchema.PK, AttributeValue.fromS(url));
        k.put(IndexSchema.SK, AttributeValue.fromS(sortKey));
        return k;
    }

    /**
     * The outcome of a commit.
     *
     * @param committed true when the file item was written
     * @param replaced  the version it replaced, or null (none, or not committed)
     */
    public record Commit(boolean committed, String replaced) {
    }

    /**
     * What a file item says.
     *
     * @param sequencer the sequencer of the event that wrote it
     * @param version   the version it commits
     * @param status    INDEXED, INVALID or DELETED
     * @param versionId the S3 version it describes, or null
     * @param etag      the ETag of the object it describes, or null
     * @param derivedItems how many items derive from it
     * @param blobParts how many part items it names
     */
    public record FileState(Sequencer sequencer, String version, IndexSchema.FileStatus status, String versionId,
                            String etag, int derivedItems, int blobParts) {
        static FileState of(Map<String, AttributeValue> item) {
            if (!item.containsKey(IndexSchema.VERSION)) {
                throw new IllegalStateException(item.get(IndexSchema.PK).s() + ": the table holds an index entry of the "
                        + "layout before one commit point per object (no " + IndexSchema.VERSION + "); index into a "
                        + "table made by this version (README: Moving to this table layout)");
            }
            return new FileState(Sequencer.stored(item.get(IndexSchema.SEQ).s()), item.get(IndexSchema.VERSION).s(),
                    IndexSchema.FileStatus.valueOf(item.get(IndexSchema.FILE_STATUS).s()),
                    text(item, IndexSchema.VERSION_ID), text(item, IndexSchema.ETAG),
                    count(item, IndexSchema.DERIVED_ITEMS), count(item, IndexSchema.BLOB_PARTS));
        }
    }

    /**
     * An item that belongs to a version, as {@link #versionedItems} lists it.
     *
     * @param sortKey   its sort key
     * @param version   the version
     * @param type      HDU (or another derived kind) or PART
     * @param writtenAt when a part was written (null for derived items)
     */
    public record VersionedItem(String sortKey, String version, IndexSchema.ItemType type, String writtenAt) {
        static VersionedItem of(Map<String, AttributeValue> item) {
            return new VersionedItem(item.get(IndexSchema.SK).s(), item.get(IndexSchema.VERSION).s(),
                    IndexSchema.ItemType.valueOf(item.get(IndexSchema.ITEM_TYPE).s()), text(item, IndexSchema.INDEXED_AT));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Integer.parseInt(v.n());
    }
}
