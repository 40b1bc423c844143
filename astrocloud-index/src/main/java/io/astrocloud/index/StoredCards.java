package io.astrocloud.index;

import io.astrocloud.fits.Card;
import io.astrocloud.json.FitsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A header's cards as the index stores them: the JSON that {@link FitsJson} writes (the one card
 * mapper of the project, values typed as astropy types them). A DynamoDB item holds at most
 * 400 KB, so a header whose JSON passes {@link #INLINE_LIMIT} (some 2,500 cards) is stored
 * gzip-compressed instead, and a compressed header that still passes {@link #SLICE_LIMIT} is
 * cut into slices: the first in the HDU item, the others in part items sorted right after it.
 * Every header is indexed in full, whatever its size.
 */
public final class StoredCards {
    /** Largest cards JSON kept as text in the HDU item (the rest of the item stays far below 400 KB). */
    public static final int INLINE_LIMIT = 300_000;
    /** Largest slice of compressed JSON per item. */
    public static final int SLICE_LIMIT = 300_000;

    private final String json;
    private final List<byte[]> slices;

    private StoredCards(String json, List<byte[]> slices) {
        this.json = json;
        this.slices = slices;
    }

    /** How {@code cards} will be stored. */
    public static StoredCards of(List<Card> cards) {
        String json = FitsJson.text(FitsJson.cards(cards));
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= INLINE_LIMIT) {
            return new StoredCards(json, List.of());
        }
        byte[] packed = gzip(utf8);
        List<byte[]> slices = new ArrayList<>();
        for (int at = 0; at < packed.length; at += SLICE_LIMIT) {
            slices.add(Arrays.copyOfRange(packed, at, Math.min(packed.length, at + SLICE_LIMIT)));
        }
        return new StoredCards(null, slices);
    }

    /** True when the header is stored compressed. */
    public boolean compressed() {
        return json == null;
    }

    /** Part items needed besides the HDU item (0 unless the compressed header is huge). */
    public int extraParts() {
        return Math.max(0, slices.size() - 1);
    }

    /** Puts the cards (or the first compressed slice) into the HDU item. */
    public void putInto(Map<String, AttributeValue> hduItem) {
        if (json != null) {
            hduItem.put(IndexSchema.CARDS_JSON, AttributeValue.fromS(json));
        } else {
            hduItem.put(IndexSchema.CARDS_GZIP, AttributeValue.fromB(SdkBytes.fromByteArray(slices.get(0))));
            hduItem.put(IndexSchema.CARDS_PARTS, AttributeValue.fromN(Integer.toString(extraParts())));
        }
    }

    /** The compressed slice for part item {@code part} (1 .. {@link #extraParts()}). */
    public byte[] slice(int part) {
        return slices.get(part);
    }

    /**
     * The cards JSON back from an HDU item and its part items (in sort-key order), whichever way
     * it was stored.
     */
    public static String json(Map<String, AttributeValue> hduItem, List<Map<String, AttributeValue>> partItems) {
        AttributeValue text = hduItem.get(IndexSchema.CARDS_JSON);
        if (text != null) {
            return text.s();
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(hduItem.get(IndexSchema.CARDS_GZIP).b().asByteArray());
        int parts = Integer.parseInt(hduItem.get(IndexSchema.CARDS_PARTS).n());
        if (partItems.size() != parts) {
            throw new IllegalStateException(hduItem.get(IndexSchema.PK).s() + " " + hduItem.get(IndexSchema.SK).s()
                    + ": header stored in " + (parts + 1) + " items, found " + (partItems.size() + 1));
        }
        partItems.forEach(p -> packed.writeBytes(p.get(IndexSchema.CARDS_GZIP).b().asByteArray()));
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(packed.toByteArray()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt compressed header in " + hduItem.get(IndexSchema.PK).s(), e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
