package io.astrocloud.index;

import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The index table's layout, in one place: key and attribute names, sort-key shapes and index
 * names. Attribute names avoid DynamoDB's reserved words (OBJECT, FILTER, DATE, SIZE, STATUS,
 * TYPE, INDEX, KEY are reserved), so expressions use them without {@code #name} placeholders.
 *
 * <p>Items of one object share the partition key {@code s3://bucket/key}:
 * <ul>
 *   <li>{@code FILE}: the commit point, one item per object. It says which version of the
 *       object the index holds ({@link #VERSION}, with the event's sequencer) and holds that
 *       version whole: every HDU's offsets, cards and ObsCore description, gzip-compressed in one
 *       blob ({@link #HDUS_GZIP}). It is replaced by one conditional PutItem per event.</li>
 *   <li>{@code V#<version>#H#0000}, ...: HDU items, derived from the committed version and
 *       written after it: the ObsCore columns of HDUs with data, as top-level attributes, for
 *       the secondary indexes; HDUs whose descriptions are equal share one item.</li>
 *   <li>{@code V#<version>#P#0001}, ...: the rest of a blob too big for the file item, written
 *       before the commit that names them.</li>
 * </ul>
 * Every item but the file item carries the version it belongs to in its sort key and in
 * {@link #VERSION}; readers keep only items of the committed version ({@link IndexReader}).
 */
public final class IndexSchema {
    /** Partition key: the object's URL, {@code s3://bucket/key}. */
    public static final String PK = "pk";
    /** Sort key: {@code FILE} or {@code V#<version>#...}. */
    public static final String SK = "sk";
    /** FILE, HDU or PART. */
    public static final String ITEM_TYPE = "itemType";
    /**
     * The version of the object an item belongs to: on the file item, the committed one; on the
     * others, the one they derive from. 16 hex digits of SHA-256 over the event's sequencer and
     * ETag ({@link IndexVersion}).
     */
    public static final String VERSION = "ver";

    /** File item: the sequencer of the event that committed it (padded, see {@link Sequencer}). */
    public static final String SEQ = "seq";
    /** File item: the bucket. */
    public static final String S3_BUCKET = "s3Bucket";
    /** File item: the object key, decoded. */
    public static final String S3_KEY = "s3Key";
    /** File item: the S3 version indexed (versioned buckets). */
    public static final String VERSION_ID = "versionId";
    /** File item: the ETag of the bytes indexed, without quotes. */
    public static final String ETAG = "etag";
    /** File item: the object's size in bytes. */
    public static final String OBJECT_SIZE = "objectSize";
    /** File item: INDEXED, INVALID or DELETED. */
    public static final String FILE_STATUS = "fileStatus";
    /** File item: number of HDUs indexed. */
    public static final String HDU_COUNT = "hduCount";
    /** File item (and parts): when it was written (ISO-8601). */
    public static final String INDEXED_AT = "indexedAt";
    /** File item: why the file is INVALID (names the URL, HDU and byte offset). */
    public static final String INVALID_REASON = "invalidReason";
    /** File item: what the walk noticed and tolerated (trailing bytes, missing padding). */
    public static final String WALK_WARNINGS = "walkWarnings";
    /** Tombstones: epoch seconds after which DynamoDB's TTL removes the item. */
    public static final String EXPIRES_AT = "expiresAt";
    /**
     * File item: the HDUs, gzip-compressed JSON ({@code {"hdus": [{"index", "type",
     * "headerOffset", "headerBytes", "dataOffset", "dataSize", "dataBytes", "cards", "obs",
     * "filter"}]}}), or its first slice when {@link #BLOB_PARTS} is not 0.
     */
    public static final String HDUS_GZIP = "hdusGzip";
    /** File item and part items: how many part items hold the rest of the blob; a part's slice. */
    public static final String BLOB_PARTS = "blobParts";
    /** Part item: its slice of the blob. */
    public static final String BLOB_SLICE = "blobSlice";
    /** File item: how many items derive from it ({@link DerivedItems}). */
    public static final String DERIVED_ITEMS = "derivedItems";

    /** HDU item: the HDUs it describes, as ranges ({@code 1-80}, {@code 0,2,5-9}). */
    public static final String HDUS = "hdus";
    /** HDU item: FILTER (own header, else the primary's) as written. */
    public static final String FILTER_NAME = "filterName";
    /** HDU item, byTarget's key: the target's {@link NameKey}. */
    public static final String TARGET_KEY = "targetKey";
    /** HDU item, byInstrument's key: the instrument's {@link NameKey}, {@code #}, a shard (0-7). */
    public static final String INSTRUMENT_KEY = "instrumentKey";
    /** HDU item: the telescope's {@link NameKey}, for filter expressions. */
    public static final String FACILITY_KEY = "facilityKey";
    /** HDU item: the filter's {@link NameKey}, for filter expressions. */
    public static final String FILTER_KEY = "filterKey";
    /**
     * HDU item, both indexes' sort key: {@code t_min} as an ISO-8601 date and time
     * ({@code 2010-04-28T05:23:54.000}, in the header's time scale), or {@value #UNDATED}.
     */
    public static final String OBS_TIME = "obsTime";

    /** {@link #OBS_TIME} of an HDU without a start time: sorts after every date. */
    public static final String UNDATED = "undated";
    /** GSI: HDU items by target name key, sorted by start time. */
    public static final String BY_TARGET = "byTarget";
    /** GSI: HDU items by instrument name key and shard, sorted by start time. */
    public static final String BY_INSTRUMENT = "byInstrument";
    /** Shards of each instrument in {@link #BY_INSTRUMENT}: a query asks all of them. */
    public static final int INSTRUMENT_SHARDS = 8;

    /** Sort key of the file item. */
    public static final String FILE_SK = "FILE";
    /** Sort-key prefix of every item that belongs to a version. */
    public static final String VERSIONED_PREFIX = "V#";

    /** What a file item says of its file. */
    public enum FileStatus {
        /** Every HDU is indexed. */
        INDEXED,
        /** Not FITS, truncated or hostile: see {@link #INVALID_REASON}; no HDUs. */
        INVALID,
        /** Removed from S3: a tombstone that keeps older events out until it expires. */
        DELETED
    }

    /** The kinds of item ({@link #ITEM_TYPE}). */
    public enum ItemType {
        /** The commit point. */
        FILE,
        /** Derived from the committed version, for the secondary indexes. */
        HDU,
        /** A slice of a large blob, written before the commit that names it. */
        PART
    }

    private IndexSchema() {
    }

    /**
     * The index table as template.yaml's {@code IndexTableV2} defines it (keys, billing mode, both
     * indexes with their projections), for creating it outside CloudFormation: in DynamoDB Local,
     * the samples, a test account. TemplateTest holds the two to the same definition.
     */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(TARGET_KEY),
                        stringAttribute(INSTRUMENT_KEY), stringAttribute(OBS_TIME))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(byTime(BY_TARGET, TARGET_KEY), byTime(BY_INSTRUMENT, INSTRUMENT_KEY))
                .build();
    }

    private static GlobalSecondaryIndex byTime(String name, String partitionKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(OBS_TIME, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The sort-key prefix of every item of {@code version}: {@code V#<version>#}. */
    public static String versionPrefix(String version) {
        return VERSIONED_PREFIX + version + "#";
    }

    /** The sort key of HDU item {@code n} (0, 1, ...) of {@code version}. */
    public static String hduItemKey(String version, int n) {
        return versionPrefix(version) + String.format("H#%04d", n);
    }

    /** The sort key of part {@code part} (1, 2, ...) of {@code version}'s blob. */
    public static String partKey(String version, int part) {
        return versionPrefix(version) + String.format("P#%04d", part);
    }

    /**
     * The {@link #INSTRUMENT_KEY} of an HDU item of object {@code url} for the instrument key
     * {@code instrument}: {@code instrument#shard}, the shard the CRC-32 of the URL's UTF-8 bytes
     * modulo {@link #INSTRUMENT_SHARDS}, so that one instrument's items spread over that many
     * partition keys whatever their dates.
     */
    public static String instrumentKey(String instrument, String url) {
        CRC32 crc = new CRC32();
        crc.update(url.getBytes(StandardCharsets.UTF_8));
        return instrument + "#" + crc.getValue() % INSTRUMENT_SHARDS;
    }
}
