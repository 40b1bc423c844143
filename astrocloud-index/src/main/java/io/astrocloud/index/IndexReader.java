package io.astrocloud.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The index's read paths, each of which returns only what the committed version of an object
 * says: an object's entry ({@link #object}: the file item, joined with the part items of its
 * version), and HDUs found through the secondary indexes ({@link #byTarget}, {@link #byInstrument}),
 * whose items are kept only when their version is the one their object's file item commits
 * ({@link #committed}: one consistent BatchGetItem per 100 objects). An HDU item of a replaced
 * version, not yet deleted, is never returned. Searches that add their own derived items use
 * {@link #committed} the same way.
 */
public final class IndexReader {
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final IndexTable items;

    /**
     * @param dynamo the client (not closed here)
     * @param table  the index table
     */
    public IndexReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new IndexTable(dynamo, table);
    }

    /** The committed entry of {@code url} (read consistently), or empty when the index has none. */
    public Optional<IndexedObject> object(String url) {
        Map<String, AttributeValue> file = items.fileItem(url, true);
        if (file == null) {
            return Optional.empty();
        }
        int parts = file.containsKey(IndexSchema.BLOB_PARTS) ? Integer.parseInt(file.get(IndexSchema.BLOB_PARTS).n()) : 0;
        List<Map<String, AttributeValue>> slices = parts == 0 ? List.of()
                : items.parts(url, file.get(IndexSchema.VERSION).s(), true);
        return Optional.of(ObjectItems.decode(file, slices));
    }

    /** HDUs whose target name ({@code target_name}) has the {@link NameKey} of {@code target}, by start time. */
    public List<HduMatch> byTarget(String target) {
        return byTarget(target, null, null);
    }

    /**
     * HDUs of {@code target} that start between {@code from} and {@code to} (ISO-8601 prefixes
     * compared as strings, {@code "2011"} to {@code "2012"}; null for no bound), by start time.
     */
    public List<HduMatch> byTarget(String target, String from, String to) {
        Optional<String> key = NameKey.of(target);
        if (key.isEmpty()) {
            return List.of();
        }
        return committed(query(IndexSchema.BY_TARGET, IndexSchema.TARGET_KEY, key.get(), from, to));
    }

    /** HDUs whose instrument ({@code instrument_name}) has the {@link NameKey} of {@code instrument}. */
    public List<HduMatch> byInstrument(String instrument) {
        return byInstrument(instrument, null, null);
    }

    /**
     * HDUs of {@code instrument} that start between {@code from} and {@code to} (as for
     * {@link #byTarget(String, String, String)}): one Query per shard, merged by start time.
     */
    public List<HduMatch> byInstrument(String instrument, String from, String to) {
        Optional<String> key = NameKey.of(instrument);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int shard = 0; shard < IndexSchema.INSTRUMENT_SHARDS; shard++) {
            items.addAll(query(IndexSchema.BY_INSTRUMENT, IndexSchema.INSTRUMENT_KEY, key.get() + "#" + shard, from, to));
        }
        items.sort((a, b) -> a.get(IndexSchema.OBS_TIME).s().compareTo(b.get(IndexSchema.OBS_TIME).s()));
        return committed(items);
    }

    /** The HDU items of {@code items} that belong to their object's committed version ({@link #keepCommitted}). */
    public List<HduMatch> committed(Collection<Map<String, AttributeValue>> items) {
        return keepCommitted(items).stream().map(HduMatch::of).toList();
    }

    /**
     * The items of {@code items} (any items derived from a version: they have {@link IndexSchema#PK}
     * and {@link IndexSchema#VERSION}) that belong to their object's committed version, in the given
     * order: the file items of their objects are read consistently, and an item is kept only when
     * its version is the one its object's file item commits and that file is INDEXED.
     */
    public List<Map<String, AttributeValue>> keepCommitted(Collection<Map<String, AttributeValue>> items) {
        Set<String> urls = new LinkedHashSet<>();
        items.forEach(i -> urls.add(i.get(IndexSchema.PK).s()));
        Map<String, String> committed = committedVersions(new ArrayList<>(urls));
        List<Map<String, AttributeValue>> kept = new ArrayList<>();
        for (Map<String, AttributeValue> i : items) {
            if (i.get(IndexSchema.VERSION).s().equals(committed.get(i.get(IndexSchema.PK).s()))) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** The committed version of each INDEXED object among {@code urls}. */
    private Map<String, String> committedVersions(List<String> urls) {
        Map<String, String> versions = new HashMap<>();
        for (int from = 0; from < urls.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            urls.subList(from, Math.min(urls.size(), from + BATCH_GET))
                    .forEach(u -> keys.add(IndexTable.key(u, IndexSchema.FILE_SK)));
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression(String.join(", ", IndexSchema.PK, IndexSchema.VERSION,
                            IndexSchema.FILE_STATUS)).build());
            for (int round = 0; !pending.isEmpty() && round < IndexTable.BATCH_ROUNDS; round++) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(request));
                for (Map<String, AttributeValue> file : r.responses().getOrDefault(table, List.of())) {
                    if (file.get(IndexSchema.FILE_STATUS).s().equals(IndexSchema.FileStatus.INDEXED.name())) {
                        versions.put(file.get(IndexSchema.PK).s(), file.get(IndexSchema.VERSION).s());
                    }
                }
                pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
            if (!pending.isEmpty()) {
                throw IndexTable.throttled("file items left unread by BatchGetItem after " + IndexTable.BATCH_ROUNDS
                        + " rounds");
            }
        }
        return versions;
    }

    private List<Map<String, AttributeValue>> query(String index, String attribute, String value, String from,
                                                    String to) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", AttributeValue.fromS(value));
        StringBuilder condition = new StringBuilder(attribute + " = :v");
        if (from != null || to != null) {
            // Dates sort before "undated" ('9' < 'u'), which no bounded range reaches.
            condition.append(" AND ").append(IndexSchema.OBS_TIME).append(" BETWEEN :from AND :to");
            values.put(":from", AttributeValue.fromS(from != null ? from : "0"));
            values.put(":to", AttributeValue.fromS(to != null ? to : "9999~"));
        }
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(condition.toString()).expressionAttributeValues(values).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(q).items().forEach(items::add);
        return items;
    }
}
