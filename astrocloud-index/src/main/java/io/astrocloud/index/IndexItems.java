package io.astrocloud.index;

import io.astrocloud.fits.Hdu;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the items of the index for one object (see {@link IndexSchema}): the items of an HDU
 * (its own, plus part items for a huge compressed header), the file item, the tombstone.
 */
public final class IndexItems {
    private IndexItems() {
    }

    /** The items for {@code hdu}: the HDU item first, then any part items. */
    public static List<Map<String, AttributeValue>> hdu(Hdu hdu, ObjectVersion object, Sequencer seq) {
        Map<String, AttributeValue> item = common(object, seq, IndexSchema.hduSortKey(hdu.index()), "HDU");
        item.put(IndexSchema.HDU_INDEX, number(hdu.index()));
        item.put(IndexSchema.HDU_TYPE, AttributeValue.fromS(hdu.type()));
        item.put(IndexSchema.HEADER_OFFSET, number(hdu.headerOffset()));
        item.put(IndexSchema.HEADER_BYTES, number(hdu.headerSize()));
        item.put(IndexSchema.DATA_OFFSET, number(hdu.dataOffset()));
        item.put(IndexSchema.DATA_SIZE, number(hdu.dataSize()));
        item.put(IndexSchema.DATA_BYTES, number(hdu.paddedDataSize()));
        item.put(IndexSchema.CARD_COUNT, number(hdu.cards().size()));
        item.putAll(PromotedKeywords.of(hdu.cards()));
        StoredCards cards = StoredCards.of(hdu.cards());
        cards.putInto(item);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(item);
        for (int part = 1; part <= cards.extraParts(); part++) {
            Map<String, AttributeValue> p = common(object, seq, IndexSchema.partSortKey(hdu.index(), part),
                    "HEADER_PART");
            p.put(IndexSchema.CARDS_GZIP, AttributeValue.fromB(SdkBytes.fromByteArray(cards.slice(part))));
            items.add(p);
        }
        return items;
    }

    /** The file item of an indexed file. */
    public static Map<String, AttributeValue> indexed(ObjectVersion object, Sequencer seq, int hduCount,
                                                      List<String> warnings, Instant now) {
        Map<String, AttributeValue> item = file(object, seq, IndexSchema.FileStatus.INDEXED, now);
        item.put(IndexSchema.HDU_COUNT, number(hduCount));
        if (!warnings.isEmpty()) {
            item.put(IndexSchema.WALK_WARNINGS, AttributeValue.fromL(
                    warnings.stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    /** The file item of a file that is not valid FITS. */
    public static Map<String, AttributeValue> invalid(ObjectVersion object, Sequencer seq, String reason, Instant now) {
        Map<String, AttributeValue> item = file(object, seq, IndexSchema.FileStatus.INVALID, now);
        item.put(IndexSchema.HDU_COUNT, number(0));
        item.put(IndexSchema.INVALID_REASON, AttributeValue.fromS(reason));
        return item;
    }

    /** The tombstone of a removed object, kept until {@code expires}. */
    public static Map<String, AttributeValue> deleted(ObjectVersion object, Sequencer seq, Instant now,
                                                      Instant expires) {
        Map<String, AttributeValue> item = file(object, seq, IndexSchema.FileStatus.DELETED, now);
        item.put(IndexSchema.EXPIRES_AT, number(expires.getEpochSecond()));
        return item;
    }

    private static Map<String, AttributeValue> file(ObjectVersion object, Sequencer seq,
                                                    IndexSchema.FileStatus status, Instant now) {
        Map<String, AttributeValue> item = common(object, seq, IndexSchema.FILE_SK, "FILE");
        item.put(IndexSchema.FILE_STATUS, AttributeValue.fromS(status.name()));
        item.put(IndexSchema.INDEXED_AT, AttributeValue.fromS(now.toString()));
        if (object.size() >= 0) {
            item.put(IndexSchema.OBJECT_SIZE, number(object.size()));
        }
        return item;
    }

    private static Map<String, AttributeValue> common(ObjectVersion object, Sequencer seq, String sortKey,
                                                      String type) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IndexSchema.PK, AttributeValue.fromS(object.url()));
        item.put(IndexSchema.SK, AttributeValue.fromS(sortKey));
        item.put(IndexSchema.SEQ, AttributeValue.fromS(seq.value()));
        item.put(IndexSchema.ITEM_TYPE, AttributeValue.fromS(type));
        item.put(IndexSchema.S3_BUCKET, AttributeValue.fromS(object.bucket()));
        item.put(IndexSchema.S3_KEY, AttributeValue.fromS(object.key()));
        if (object.versionId() != null) {
            item.put(IndexSchema.VERSION_ID, AttributeValue.fromS(object.versionId()));
        }
        if (object.etag() != null) {
            item.put(IndexSchema.ETAG, AttributeValue.fromS(object.etag()));
        }
        return item;
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
