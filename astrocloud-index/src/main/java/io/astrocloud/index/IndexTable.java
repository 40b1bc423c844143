package io.astrocloud.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The index table as the {@link Indexer} writes it: every write and delete is conditional on the
 * sequencer stored in the item ({@link IndexSchema#SEQ}), so that no event ever overwrites or
 * removes what a newer event wrote. A condition that fails is an answer (false), not an error;
 * throttling, 5xx and other service errors are thrown as the SDK gives them, after its retries.
 */
public final class IndexTable {
    private static final String NOT_THERE = "attribute_not_exists(" + IndexSchema.PK + ")";

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
    public FileState fileState(String url) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(key(url, IndexSchema.FILE_SK))
                .projectionExpression(String.join(", ", IndexSchema.SEQ, IndexSchema.FILE_STATUS,
                        IndexSchema.VERSION_ID, IndexSchema.ETAG))).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        AttributeValue version = item.get(IndexSchema.VERSION_ID);
        AttributeValue etag = item.get(IndexSchema.ETAG);
        return new FileState(Sequencer.stored(item.get(IndexSchema.SEQ).s()),
                IndexSchema.FileStatus.valueOf(item.get(IndexSchema.FILE_STATUS).s()),
                version == null ? null : version.s(), etag == null ? null : etag.s());
    }

    /**
     * Writes an item (file, HDU or part) unless a newer event wrote it. The same event may write
     * it again: the SDK retries a write whose answer was lost (a 5xx, a timeout) although the
     * write was applied, and an event redelivered after a crash runs again; both must succeed.
     * Duplicates are told apart before any write, by {@link #fileState(String)}. A backfill
     * ({@link Sequencer#NONE}) replaces only a backfill's items.
     */
    public boolean putUnlessNewer(Map<String, AttributeValue> item, Sequencer seq) {
        return put(item, NOT_THERE + " OR " + IndexSchema.SEQ + " <= :seq", seq);
    }

    /** The sort keys of every item of {@code url} but the file item, in order (all pages, by the SDK's paginator). */
    public List<String> partKeys(String url) {
        QueryRequest q = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression(IndexSchema.PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url)))
                .projectionExpression(IndexSchema.SK).build();
        List<String> keys = new ArrayList<>();
        dynamo.queryPaginator(q).items().stream().map(i -> i.get(IndexSchema.SK).s())
                .filter(sk -> !sk.equals(IndexSchema.FILE_SK)).forEach(keys::add);
        return keys;
    }

    /** Deletes an item unless a newer event wrote it; true if it was deleted. */
    public boolean deleteUnlessNewer(String url, String sortKey, Sequencer seq) {
        return delete(url, sortKey, IndexSchema.SEQ + " <= :seq", seq);
    }

    /** Deletes an item only if this very event wrote it (undoing a write that lost a race). */
    public boolean deleteOwn(String url, String sortKey, Sequencer seq) {
        return delete(url, sortKey, IndexSchema.SEQ + " = :seq", seq);
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Sequencer seq) {
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(item).conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":seq", AttributeValue.fromS(seq.value()))));
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    private boolean delete(String url, String sortKey, String condition, Sequencer seq) {
        try {
            dynamo.deleteItem(b -> b.tableName(tableName).key(key(url, sortKey)).conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":seq", AttributeValue.fromS(seq.value()))));
            return true;
        } catch (ConditionalCheckFailedException newerOrGone) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String url, String sortKey) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put(IndexSchema.PK, AttributeValue.fromS(url));
        k.put(IndexSchema.SK, AttributeValue.fromS(sortKey));
        return k;
    }

    /**
     * What a file item says.
     *
     * @param sequencer the sequencer of the event that wrote it
     * @param status    INDEXED, INVALID or DELETED
     * @param versionId the version it describes, or null
     * @param etag      the ETag of the object it describes, or null
     */
    public record FileState(Sequencer sequencer, IndexSchema.FileStatus status, String versionId, String etag) {
    }
}
