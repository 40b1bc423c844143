package io.astrocloud.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.CompressedImageHeader;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.TransferStats;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * FITS headers as JSON: cards as {@code {"keyword", "value", "comment"}} with values keeping their
 * FITS type (logical, integer, real, string, complex as {@code [re, im]}, none as null), ObsCore
 * rows, HDUs with their offsets, sizes, rows and (image) cards, and whole walks as the CLI prints
 * them. Shared by the CLI, the Camel converters and anything else that writes headers out.
 */
public final class FitsJson {
    /** A shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FitsJson() {
    }

    /** A card value as JSON. */
    public static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        }
        if (v instanceof Long || v instanceof Integer) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger) {
            return NODES.numberNode((BigInteger) v);
        }
        if (v instanceof Double) {
            return NODES.numberNode((Double) v);
        }
        if (v instanceof BigDecimal) {
            return NODES.numberNode((BigDecimal) v);
        }
        if (v instanceof double[]) {
            double[] c = (double[]) v;
            return NODES.arrayNode().add(c[0]).add(c[1]);
        }
        return NODES.textNode(v.toString());
    }

    /** One card. */
    public static ObjectNode card(Card c) {
        ObjectNode n = NODES.objectNode();
        n.put("keyword", c.keyword());
        n.set("value", value(c.value()));
        n.put("comment", c.comment());
        return n;
    }

    /** Cards in order. */
    public static ArrayNode cards(List<Card> cards) {
        ArrayNode a = NODES.arrayNode();
        cards.forEach(c -> a.add(card(c)));
        return a;
    }

    /** Whether the HDUs of a document list their cards. */
    public enum Cards {
        /** {@code cards}, and {@code imageCards} for tile-compressed images. */
        INCLUDED,
        /** Neither: a compact catalog of offsets, sizes and ObsCore rows. */
        OMITTED
    }

    /**
     * An ObsCore row: column name to value in column order (absent columns left out), then
     * {@code "why"}: column name to the reason it has no value.
     */
    public static ObjectNode obs(ObsCore obs) {
        ObjectNode n = NODES.objectNode();
        obs.values().forEach((column, v) -> n.set(column.columnName(), value(v)));
        ObjectNode why = n.putObject("why");
        obs.why().forEach((column, reason) -> why.put(column.columnName(), reason));
        return n;
    }

    /** How a tile-compressed image is stored: {@code type} (algorithm), {@code tile}, and quantization when floats are quantized. */
    public static ObjectNode compression(CompressedImageHeader image) {
        ObjectNode n = NODES.objectNode();
        n.put("type", image.algorithm());
        ArrayNode tile = n.putArray("tile");
        image.tile().forEach(tile::add);
        image.quantization().ifPresent(q -> n.put("quantization", q));
        image.ditherSeed().ifPresent(seed -> n.put("ditherSeed", seed));
        return n;
    }

    /**
     * One HDU: {@code index, type, headerOffset, headerBytes, dataOffset, dataBytes} (padded),
     * {@code dataSize} (unpadded), {@code truncated} when the object ends early; for a
     * tile-compressed image {@code compression} (or {@code compression.error} when its keywords
     * cannot be read); {@code obs}, the HDU's ObsCore row; then, unless omitted, {@code cards} as
     * stored and, for a tile-compressed image, {@code imageCards}, its image header as astropy's
     * {@code CompImageHDU.header} shows it.
     */
    public static ObjectNode hdu(Hdu h, ObsCore obs, Cards cards) {
        ObjectNode n = NODES.objectNode();
        n.put("index", h.index());
        n.put("type", h.type());
        n.put("headerOffset", h.headerOffset());
        n.put("headerBytes", h.headerSize());
        n.put("dataOffset", h.dataOffset());
        n.put("dataBytes", h.paddedDataSize());
        n.put("dataSize", h.dataSize());
        if (!h.complete()) {
            n.put("truncated", true);
        }
        Optional<CompressedImageHeader> image = Optional.empty();
        try {
            image = h.compressedImage();
            image.ifPresent(view -> n.set("compression", compression(view)));
        } catch (UncheckedIOException e) {
            n.putObject("compression").put("error", Redaction.text(e.getCause().getMessage()));
        }
        n.set("obs", obs(obs));
        if (cards == Cards.INCLUDED) {
            n.set("cards", cards(h.cards()));
            image.ifPresent(view -> n.set("imageCards", cards(view.imageCards())));
        }
        return n;
    }

    /** A walk of one object with every HDU's cards: {@link #walk(String, ObjectInfo, List, TransferStats, List, Cards)}. */
    public static ObjectNode walk(String url, ObjectInfo object, List<Hdu> hdus, TransferStats stats,
                                  List<String> warnings) {
        return walk(url, object, hdus, stats, warnings, Cards.INCLUDED);
    }

    /**
     * A walk of one object: {@code url} (its secrets masked: {@link Redaction}), {@code size, etag,
     * hdus} (each described by {@link #hdu}, its row from {@link ObsCoreRows}), {@code stats,
     * warnings}.
     */
    public static ObjectNode walk(String url, ObjectInfo object, List<Hdu> hdus, TransferStats stats,
                                  List<String> warnings, Cards cards) {
        ObjectNode n = NODES.objectNode();
        n.put("url", url == null ? null : Redaction.text(url));
        if (object.sizeKnown()) {
            n.put("size", object.size());
        } else {
            n.putNull("size");
        }
        n.put("etag", object.etag());
        ArrayNode list = n.putArray("hdus");
        ObsCoreRows rows = ObsCoreRows.of(hdus, object);
        hdus.forEach(h -> list.add(hdu(h, rows.row(h.index()), cards)));
        if (stats != null) {
            ObjectNode s = n.putObject("stats");
            s.put("requests", stats.requests());
            s.put("bytesFetched", stats.bytesFetched());
        }
        if (warnings != null && !warnings.isEmpty()) {
            ArrayNode w = n.putArray("warnings");
            warnings.forEach(w::add);
        }
        return n;
    }

    /** Compact JSON text. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented JSON text. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
