package io.astrocloud.camel;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.DataSize;
import io.astrocloud.fits.Hdu;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nom.tam.fits.Header;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Type converters for FITS headers, so that routes can send them anywhere:
 * <ul>
 * <li>{@code String}: the 80-character cards up to END, one per line;</li>
 * <li>{@code byte[]}: the header as a FITS file stores it, cards back to back, padded with blanks
 * to a multiple of 2880 bytes;</li>
 * <li>{@code Map<String, Object>}: keyword to typed value (Boolean, Long or BigInteger, Double or
 * BigDecimal, String, double[]{re, im}), in card order; COMMENT, HISTORY and blank keywords to the
 * list of their texts; the first card of a repeated keyword wins;</li>
 * <li>{@code JsonNode} (whose text is JSON): the cards as {@code [{"keyword", "value", "comment"}]}
 * for an {@code Hdu} or a {@code Header}, the walk document of the command line's {@code --json}
 * (every HDU with its offsets and cards) for the producer's {@code List<Hdu>};</li>
 * <li>{@code Header}: an {@code Hdu}'s nom-tam-fits header;</li>
 * <li>{@link ObsCore}: an {@code Hdu}'s IVOA ObsCore row (sky footprint, time span, exposure,
 * product type, names; a reason for each column without a value), which converts on to a
 * {@code Map<String, Object>} of column name to value in ObsCore column order with the reasons
 * under {@code "why"} ({@link ObsCore#toMap()}), or to {@code JsonNode} ({@code {..., "why": {...}}},
 * as the command line's {@code "obs"}).</li>
 * </ul>
 * An {@code Hdu} (the consumer's body, and each HDU of the producer's) converts from its header's
 * bytes as stored; a {@code Header} built elsewhere from nom-tam-fits' rendering. Values are typed
 * as astropy types them, by the core's one card parser and JSON mapper. No conversion needs anything
 * but the body, except the producer's list, whose document takes the object's URL, size and ETag
 * from the message headers, and the ObsCore row, which takes the object's rows from the exchange.
 *
 * <p>Why the row is its own type rather than a second {@code Hdu} to {@code Map} conversion: Camel
 * picks a converter by source and target type, and {@code Hdu} to {@code Map} already gives the
 * keyword values. {@code convertBodyTo(ObsCore.class)} is the one way to the row; the row converts
 * to the map or JSON from there. An extension's row needs its file: the primary header, from which
 * it inherits the observation keywords, and the object's size ({@code access_estsize}). The
 * consumer and the producer keep the object's rows on the exchange (a split copies them to its
 * parts); a primary HDU converts anywhere, an extension only in such an exchange.
 */
@Converter(generateLoader = true)
public final class AstroCloudConverters {
    private static final int CARD = 80;

    private AstroCloudConverters() {
    }

    /** The cards up to END as nom-tam-fits renders them, one per line. */
    @Converter
    public static String toString(Header header) {
        return lines(CardParser.cardImages(header));
    }

    /** The header as nom-tam-fits would store it in a FITS file: cards back to back, padded to 2880 bytes. */
    @Converter
    public static byte[] toByteArray(Header header) {
        return blocks(CardParser.cardImages(header));
    }

    /** Keyword to typed value. */
    @Converter
    public static Map<String, Object> toMap(Header header) {
        return values(CardParser.parse(header));
    }

    /** The cards as JSON. */
    @Converter
    public static JsonNode toJsonNode(Header header) {
        return FitsJson.cards(CardParser.parse(header));
    }

    /** The HDU's header. */
    @Converter
    public static Header toHeader(Hdu hdu) {
        return hdu.header();
    }

    /** The HDU's cards as stored, up to END, one per line. */
    @Converter
    public static String toString(Hdu hdu) {
        return lines(hdu.cardImages());
    }

    /** The HDU's header as stored, padded to 2880 bytes. */
    @Converter
    public static byte[] toByteArray(Hdu hdu) {
        return blocks(hdu.cardImages());
    }

    /** The HDU's keywords to typed values. */
    @Converter
    public static Map<String, Object> toMap(Hdu hdu) {
        return values(hdu.cards());
    }

    /** The HDU's cards as stored, as JSON. */
    @Converter
    public static JsonNode toJsonNode(Hdu hdu) {
        return FitsJson.cards(hdu.cards());
    }

    /**
     * The HDU's ObsCore row: from the object's rows the consumer or producer kept on the exchange;
     * a primary HDU met elsewhere is described alone (its size from {@value AstroCloudConstants#OBJECT_SIZE}).
     *
     * @throws IllegalArgumentException for an extension HDU outside the exchanges of this component,
     *                                  whose primary header is not known
     */
    @Converter
    public static ObsCore toObsCore(Hdu hdu, Exchange exchange) {
        ObsCoreRows rows = exchange == null ? null
                : exchange.getProperty(HduMessage.OBSCORE_ROWS, ObsCoreRows.class);
        if (rows != null && rows.holds(hdu)) {
            return rows.row(hdu);
        }
        if (hdu.index() == 0) {
            Long size = exchange == null ? null
                    : exchange.getMessage().getHeader(AstroCloudConstants.OBJECT_SIZE, Long.class);
            return ObsCoreMapper.describe(hdu, hdu, new ObjectInfo(size == null ? -1 : size, null));
        }
        throw new IllegalArgumentException("HDU " + hdu.index() + " of " + Redaction.text(hdu.url())
                + " inherits from its primary header, which this exchange does not hold: convert it in an exchange"
                + " of the astrocloud consumer, or of a split of the producer's list");
    }

    /** The row as column name to value, in ObsCore column order, then {@code "why"}: column name to reason. */
    @Converter
    public static Map<String, Object> toMap(ObsCore obs) {
        return obs.toMap();
    }

    /** The row as JSON, as the command line's {@code "obs"}. */
    @Converter
    public static JsonNode toJsonNode(ObsCore obs) {
        return FitsJson.obs(obs);
    }

    /**
     * The producer's body as the walk document {@code {"url", "size", "etag", "hdus": [...]}}
     * (url, size and etag from the message headers, as the producer sets them). Null, so that other converters may try, for a
     * list that holds anything but HDUs.
     */
    @Converter
    public static JsonNode toJsonNode(List<?> hdus, Exchange exchange) {
        List<Hdu> list = new ArrayList<>(hdus.size());
        for (Object o : hdus) {
            if (!(o instanceof Hdu)) {
                return null;
            }
            list.add((Hdu) o);
        }
        if (exchange == null) {
            return FitsJson.walk(null, ObjectInfo.UNKNOWN, list, null, null);
        }
        Message m = exchange.getMessage();
        Long size = m.getHeader(AstroCloudConstants.OBJECT_SIZE, Long.class);
        ObjectInfo object = new ObjectInfo(size == null ? -1 : size, m.getHeader(AstroCloudConstants.ETAG, String.class));
        return FitsJson.walk(m.getHeader(AstroCloudConstants.URL, String.class), object, list, null, null);
    }

    private static String lines(List<String> images) {
        return String.join("\n", images);
    }

    private static byte[] blocks(List<String> images) {
        byte[] cards = String.join("", images).getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = Arrays.copyOf(cards, (int) DataSize.padded(cards.length));
        Arrays.fill(padded, cards.length, padded.length, (byte) ' ');
        return padded;
    }

    private static Map<String, Object> values(List<Card> cards) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Card card : cards) {
            if (Card.isCommentary(card.keyword())) {
                commentary(values, card.keyword()).add(String.valueOf(card.value()));
            } else {
                values.putIfAbsent(card.keyword(), card.value());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> commentary(Map<String, Object> values, String keyword) {
        return (List<String>) values.computeIfAbsent(keyword, k -> new ArrayList<String>());
    }
}
