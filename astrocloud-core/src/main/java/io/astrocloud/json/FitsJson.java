package io.astrocloud.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.TransferStats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * FITS headers as JSON: cards as {@code {"keyword", "value", "comment"}} with values keeping their
 * FITS type (logical, integer, real, string, complex as {@code [re, im]}, none as null), HDUs with
 * their offsets and sizes, and whole walks as the CLI prints them. Shared by the CLI, the Camel
 * converters and anything else that writes headers out.
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

    /**
     * One HDU: {@code index, type, headerOffset, headerBytes, dataOffset, dataBytes} (padded),
     * {@code dataSize} (unpadded), {@code complete}, {@code cards}.
     */
    public static ObjectNode hdu(Hdu h) {
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
        n.set("cards", cards(h.cards()));
        return n;
    }

    /**
     * A walk of one object: {@code url} (its secrets masked: {@link Redaction}), {@code size, etag,
     * hdus, stats, warnings}.
     */
    public static ObjectNode walk(String url, ObjectInfo object, List<Hdu> hdus, TransferStats stats,
                                  List<String> warnings) {
        ObjectNode n = NODES.objectNode();
        n.put("url", Redaction.text(url));
        if (object.sizeKnown()) {
            n.put("size", object.size());
        } else {
            n.putNull("size");
        }
        n.put("etag", object.etag());
        ArrayNode list = n.putArray("hdus");
        hdus.forEach(h -> list.add(hdu(h)));
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
