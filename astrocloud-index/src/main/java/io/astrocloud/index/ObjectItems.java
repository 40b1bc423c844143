package io.astrocloud.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.json.FitsJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The file item (the commit point) and its part items, to and from an {@link IndexedObject}. An
 * indexed file's HDUs (offsets, cards, ObsCore rows) are one gzip-compressed JSON blob: the cards of
 * a file repeat their keywords and comments from HDU to HDU, and its descriptions their reasons, so
 * one blob per file is a fraction of one item per HDU (the 81-HDU HST-like file: 283 kB of JSON,
 * 6.5 kB compressed). A blob past {@link #SLICE} bytes is cut into slices: the first in the file
 * item, the others in part items of the same version, written before the file item that names
 * them. Nothing is truncated: the walker's own limit (8 MiB of header) is the only one. The file item
counts the items derived from it ({@link DerivedItems}).
 */
public final class ObjectItems {
    /** Largest slice of the blob per item (DynamoDB's limit is 400 KB, names and other attributes included). */
    public static final int SLICE = 350_000;

    private ObjectItems() {
    }

    /**
     * The items that commit {@code o}.
     *
     * @param file     the file item
     * @param parts    the part items (none unless the blob passes {@link #SLICE})
     */
    public record Encoded(Map<String, AttributeValue> file, List<Map<String, AttributeValue>> parts) {
    }

    /** The items of {@code o}. */
    public static Encoded encode(IndexedObject o) {
        Map<String, AttributeValue> file = item(o.url(), IndexSchema.FILE_SK, IndexSchema.ItemType.FILE, o.version());
        file.put(IndexSchema.SEQ, AttributeValue.fromS(o.sequencer().value()));
        file.put(IndexSchema.S3_BUCKET, AttributeValue.fromS(o.object().bucket()));
        file.put(IndexSchema.S3_KEY, AttributeValue.fromS(o.object().key()));
        if (o.object().versionId() != null) {
            file.put(IndexSchema.VERSION_ID, AttributeValue.fromS(o.object().versionId()));
        }
        if (o.object().etag() != null) {
            file.put(IndexSchema.ETAG, AttributeValue.fromS(o.object().etag()));
        }
        if (o.object().size() >= 0) {
            file.put(IndexSchema.OBJECT_SIZE, number(o.object().size()));
        }
        file.put(IndexSchema.FILE_STATUS, AttributeValue.fromS(o.status().name()));
        file.put(IndexSchema.INDEXED_AT, AttributeValue.fromS(o.indexedAt().toString()));
        if (o.invalidReason() != null) {
            file.put(IndexSchema.INVALID_REASON, AttributeValue.fromS(o.invalidReason()));
        }
        if (!o.warnings().isEmpty()) {
            file.put(IndexSchema.WALK_WARNINGS, AttributeValue.fromL(o.warnings().stream().map(AttributeValue::fromS)
                    .toList()));
        }
        if (o.expiresAt() != null) {
            file.put(IndexSchema.EXPIRES_AT, number(o.expiresAt().getEpochSecond()));
        }
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        if (o.status() != IndexSchema.FileStatus.DELETED) {
            file.put(IndexSchema.HDU_COUNT, number(o.hdus().size()));
        }
        if (o.status() == IndexSchema.FileStatus.INDEXED) {
            byte[] blob = gzip(blob(o.hdus()));
            List<byte[]> slices = new ArrayList<>();
            for (int at = 0; at < blob.length; at += SLICE) {
                slices.add(Arrays.copyOfRange(blob, at, Math.min(blob.length, at + SLICE)));
            }
            file.put(IndexSchema.HDUS_GZIP, AttributeValue.fromB(SdkBytes.fromByteArray(slices.get(0))));
            file.put(IndexSchema.BLOB_PARTS, number(slices.size() - 1));
            file.put(IndexSchema.DERIVED_ITEMS, number(DerivedItems.of(o).size()));
            for (int i = 1; i < slices.size(); i++) {
                Map<String, AttributeValue> part = item(o.url(), IndexSchema.partKey(o.version(), i),
                        IndexSchema.ItemType.PART, o.version());
                part.put(IndexSchema.BLOB_SLICE, AttributeValue.fromB(SdkBytes.fromByteArray(slices.get(i))));
                part.put(IndexSchema.INDEXED_AT, AttributeValue.fromS(o.indexedAt().toString()));
                parts.add(part);
            }
        }
        return new Encoded(file, parts);
    }

    /**
     * The version a file item commits, read back with its part items (those of its version, in
     * sort-key order).
     *
     * @throws IllegalStateException when a part is missing or the blob is corrupt
     */
    public static IndexedObject decode(Map<String, AttributeValue> file, List<Map<String, AttributeValue>> parts) {
        String url = file.get(IndexSchema.PK).s();
        ObjectVersion object = new ObjectVersion(file.get(IndexSchema.S3_BUCKET).s(), file.get(IndexSchema.S3_KEY).s(),
                text(file, IndexSchema.VERSION_ID), file.containsKey(IndexSchema.OBJECT_SIZE)
                ? Long.parseLong(file.get(IndexSchema.OBJECT_SIZE).n()) : -1, text(file, IndexSchema.ETAG));
        IndexSchema.FileStatus status = IndexSchema.FileStatus.valueOf(file.get(IndexSchema.FILE_STATUS).s());
        List<IndexedHdu> hdus = List.of();
        if (file.containsKey(IndexSchema.HDUS_GZIP)) {
            int expected = Integer.parseInt(file.get(IndexSchema.BLOB_PARTS).n());
            if (parts.size() != expected) {
                throw new IllegalStateException(url + ": the index entry is stored in " + (expected + 1)
                        + " items, found " + (parts.size() + 1));
            }
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            blob.writeBytes(file.get(IndexSchema.HDUS_GZIP).b().asByteArray());
            parts.forEach(p -> blob.writeBytes(p.get(IndexSchema.BLOB_SLICE).b().asByteArray()));
            hdus = hdus(url, gunzip(url, blob.toByteArray()));
        }
        List<String> warnings = file.containsKey(IndexSchema.WALK_WARNINGS)
                ? file.get(IndexSchema.WALK_WARNINGS).l().stream().map(AttributeValue::s).toList() : List.of();
        Instant expires = file.containsKey(IndexSchema.EXPIRES_AT)
                ? Instant.ofEpochSecond(Long.parseLong(file.get(IndexSchema.EXPIRES_AT).n())) : null;
        return new IndexedObject(object, Sequencer.stored(file.get(IndexSchema.SEQ).s()),
                file.get(IndexSchema.VERSION).s(), status, hdus, warnings, text(file, IndexSchema.INVALID_REASON),
                Instant.parse(file.get(IndexSchema.INDEXED_AT).s()), expires);
    }

    private static Map<String, AttributeValue> item(String url, String sortKey, IndexSchema.ItemType type,
                                                    String version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IndexSchema.PK, AttributeValue.fromS(url));
        item.put(IndexSchema.SK, AttributeValue.fromS(sortKey));
        item.put(IndexSchema.ITEM_TYPE, AttributeValue.fromS(type.name()));
        item.put(IndexSchema.VERSION, AttributeValue.fromS(version));
        return item;
    }

    private static byte[] blob(List<IndexedHdu> hdus) {
        ObjectNode doc = FitsJson.MAPPER.createObjectNode();
        ArrayNode list = doc.putArray("hdus");
        for (IndexedHdu h : hdus) {
            ObjectNode n = list.addObject();
            n.put("index", h.index());
            n.put("type", h.type());
            n.put("headerOffset", h.headerOffset());
            n.put("headerBytes", h.headerBytes());
            n.put("dataOffset", h.dataOffset());
            n.put("dataSize", h.dataSize());
            n.put("dataBytes", h.dataBytes());
            n.set("cards", h.cards());
            n.set("obs", ObsCoreAttributes.toJson(h.obs()));
            if (h.filter() != null) {
                n.put("filter", h.filter());
            }
        }
        try {
            return FitsJson.MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<IndexedHdu> hdus(String url, byte[] json) {
        JsonNode doc;
        try {
            doc = FitsJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(url + ": the index entry's blob is not JSON", e);
        }
        List<IndexedHdu> hdus = new ArrayList<>();
        for (JsonNode n : doc.path("hdus")) {
            hdus.add(new IndexedHdu(n.get("index").asInt(), n.get("type").asText(), n.get("headerOffset").asLong(),
                    n.get("headerBytes").asLong(), n.get("dataOffset").asLong(), n.get("dataSize").asLong(),
                    n.get("dataBytes").asLong(), n.get("cards"), ObsCoreAttributes.fromJson(n.get("obs")),
                    n.has("filter") ? n.get("filter").asText() : null));
        }
        return hdus;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(String url, byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(url + ": corrupt compressed index entry", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
