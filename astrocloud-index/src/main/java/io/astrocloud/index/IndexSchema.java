package io.astrocloud.index;

import java.util.List;
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
 *   <li>{@code FILE}: the file item (status, size, ETag, version, sequencer, HDU count);</li>
 *   <li>{@code HDU#0000}, {@code HDU#0001}, ...: one item per HDU, with its full header;</li>
 *   <li>{@code HDU#0000#PART#0001}, ...: the rest of a compressed header too big for one item.</li>
 * </ul>
 */
public final class IndexSchema {
    /** Partition key: the object's URL, {@code s3://bucket/key}. */
    public static final String PK = "pk";
    /** Sort key: {@code FILE}, {@code HDU#nnnn} or {@code HDU#nnnn#PART#nnnn}. */
    public static final String SK = "sk";
    /** The sequencer of the event that wrote the item (padded, see {@link Sequencer}). */
    public static final String SEQ = "seq";
    /** FILE, HDU or HEADER_PART. */
    public static final String ITEM_TYPE = "itemType";
    /** The bucket. */
    public static final String S3_BUCKET = "s3Bucket";
    /** The object key, decoded. */
    public static final String S3_KEY = "s3Key";
    /** The version indexed (versioned buckets). */
    public static final String VERSION_ID = "versionId";
    /** The ETag of the bytes indexed, without quotes. */
    public static final String ETAG = "etag";
    /** The object's size in bytes. */
    public static final String OBJECT_SIZE = "objectSize";

    /** File item: INDEXED, INVALID or DELETED. */
    public static final String FILE_STATUS = "fileStatus";
    /** File item: number of HDUs indexed. */
    public static final String HDU_COUNT = "hduCount";
    /** File item: when it was written (ISO-8601). */
    public static final String INDEXED_AT = "indexedAt";
    /** File item: why the file is INVALID (names the URL, HDU and byte offset). */
    public static final String INVALID_REASON = "invalidReason";
    /** File item: what the walk noticed and tolerated (trailing bytes, missing padding). */
    public static final String WALK_WARNINGS = "walkWarnings";
    /** Tombstones: epoch seconds after which DynamoDB's TTL removes the item. */
    public static final String EXPIRES_AT = "expiresAt";

    /** HDU item: 0 for the primary HDU. */
    public static final String HDU_INDEX = "hduIndex";
    /** HDU item: PRIMARY, IMAGE, BINTABLE, TABLE, ... */
    public static final String HDU_TYPE = "hduType";
    /** HDU item: byte offset of the header. */
    public static final String HEADER_OFFSET = "headerOffset";
    /** HDU item: header bytes (whole 2880-byte blocks). */
    public static final String HEADER_BYTES = "headerBytes";
    /** HDU item: byte offset of the data. */
    public static final String DATA_OFFSET = "dataOffset";
    /** HDU item: data bytes before padding. */
    public static final String DATA_SIZE = "dataSize";
    /** HDU item: data bytes padded to 2880. */
    public static final String DATA_BYTES = "dataBytes";
    /** HDU item: number of cards. */
    public static final String CARD_COUNT = "cardCount";
    /** HDU item: the cards as JSON ({@code [{"keyword", "value", "comment"}]}, values typed). */
    public static final String CARDS_JSON = "cardsJson";
    /** HDU or part item: gzip-compressed cards JSON, or one slice of it. */
    public static final String CARDS_GZIP = "cardsGzip";
    /** HDU item: how many part items hold the rest of {@link #CARDS_GZIP}. */
    public static final String CARDS_PARTS = "cardsParts";

    /** Promoted: OBJECT. */
    public static final String OBJECT_NAME = "objectName";
    /** Promoted: TELESCOP. */
    public static final String TELESCOPE = "telescope";
    /** Promoted: INSTRUME. */
    public static final String INSTRUMENT = "instrument";
    /** Promoted: FILTER. */
    public static final String FILTER_NAME = "filterName";
    /** Promoted: DATE-OBS as written. */
    public static final String DATE_OBS = "dateObs";
    /** GSI sort key: DATE-OBS as an ISO date (old DD/MM/YY dates rewritten), or {@value #UNDATED}. */
    public static final String OBS_DATE = "obsDate";
    /** Promoted: EXPTIME (seconds). */
    public static final String EXPOSURE_TIME = "exposureTime";
    /** Promoted: right ascension in degrees. */
    public static final String RA_DEG = "raDeg";
    /** Promoted: declination in degrees. */
    public static final String DEC_DEG = "decDeg";
    /** Promoted: which keywords gave RA/Dec (RA_OBJ/DEC_OBJ, RA_TARG/DEC_TARG or CRVAL1/CRVAL2). */
    public static final String RA_DEC_FROM = "raDecFrom";
    /** Promoted: EXTNAME. */
    public static final String EXTENSION_NAME = "extName";

    /** {@link #OBS_DATE} of an HDU without DATE-OBS: sorts after every date. */
    public static final String UNDATED = "undated";
    /** GSI: HDUs by OBJECT, sorted by observation date. */
    public static final String BY_OBJECT = "byObject";
    /** GSI: HDUs by INSTRUME, sorted by observation date. */
    public static final String BY_INSTRUMENT = "byInstrument";

    /** Sort key of the file item. */
    public static final String FILE_SK = "FILE";


    /** What a file item says of its file. */
    public enum FileStatus {
        /** Every HDU is indexed. */
        INDEXED,
        /** Not FITS, truncated or hostile: see {@link #INVALID_REASON}; no HDU items. */
        INVALID,
        /** Removed from S3: a tombstone that keeps older events out until it expires. */
        DELETED
    }

    private IndexSchema() {
    }

    /**
     * The index table as template.yaml's {@code IndexTable} defines it (keys, billing mode, both
     * indexes with their projections), for creating it outside CloudFormation: in DynamoDB Local,
     * the samples, a test account. TemplateTest holds the two to the same definition.
     */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(OBJECT_NAME),
                        stringAttribute(INSTRUMENT), stringAttribute(OBS_DATE))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                        byDate(BY_OBJECT, OBJECT_NAME, List.of(S3_BUCKET, S3_KEY, HDU_INDEX, HDU_TYPE,
                                EXTENSION_NAME, TELESCOPE, INSTRUMENT, FILTER_NAME, DATE_OBS, EXPOSURE_TIME, RA_DEG,
                                DEC_DEG)),
                        byDate(BY_INSTRUMENT, INSTRUMENT, List.of(S3_BUCKET, S3_KEY, HDU_INDEX, HDU_TYPE,
                                EXTENSION_NAME, OBJECT_NAME, TELESCOPE, FILTER_NAME, DATE_OBS, EXPOSURE_TIME, RA_DEG,
                                DEC_DEG)))
                .build();
    }

    private static GlobalSecondaryIndex byDate(String name, String partitionKey, List<String> projected) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(OBS_DATE, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(projected)
                        .build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The sort key of HDU {@code index}: {@code HDU#0000}. */
    public static String hduSortKey(int index) {
        return String.format("HDU#%04d", index);
    }

    /** The sort key of part {@code part} (1, 2, ...) of HDU {@code index}'s header. */
    public static String partSortKey(int index, int part) {
        return hduSortKey(index) + String.format("#PART#%04d", part);
    }
}
