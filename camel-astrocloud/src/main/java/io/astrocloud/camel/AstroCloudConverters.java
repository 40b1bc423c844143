package io.astrocloud.camel;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.DataSize;
import io.astrocloud.fits.Hdu;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.ObjectInfo;
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
 * for a {@code Header}, the HDU with its offsets for an {@code Hdu}, the walk document of the
 * command line's {@code --json} for the producer's {@code List<Hdu>}.</li>
 * </ul>
 * A {@code Header} the consumer emitted converts from its bytes as stored; any other from nom-tam-fits'
 * rendering. Values are typed as astropy types them, by the core's one card parser and JSON mapper.
 */
@Converter(generateLoader = true)
public final class AstroCloudConverters {
    private static final int CARD = 80;

    private AstroCloudConverters() {
    }

    /** The cards up to END, one per line. */
    @Converter
    public static String toString(Header header, Exchange exchange) {
        Hdu stored = storedHdu(header, exchange);
        return lines(stored != null ? stored.cardImages() : CardParser.cardImages(header));
    }

    /** The header as stored in a FITS file: cards back to back, padded to 2880 bytes. */
    @Converter
    public static byte[] toByteArray(Header header, Exchange exchange) {
        Hdu stored = storedHdu(header, exchange);
        return blocks(stored != null ? stored.cardImages() : CardParser.cardImages(header));
    }

    /** Keyword to typed value. */
    @Converter
    public static Map<String, Object> toMap(Header header, Exchange exchange) {
        return values(cards(header, exchange));
    }

    /** The cards as JSON. */
    @Converter
    public static JsonNode toJsonNode(Header header, Exchange exchange) {
        return FitsJson.cards(cards(header, exchange));
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

    /** The HDU as JSON: index, type, offsets, sizes and cards. */
    @Converter
    public static JsonNode toJsonNode(Hdu hdu) {
        return FitsJson.hdu(hdu);
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

    /** The consumer's HDU for {@code header}, when this exchange carries it. */
    private static Hdu storedHdu(Header header, Exchange exchange) {
        Hdu hdu = exchange == null ? null : exchange.getProperty(AstroCloudConstants.HDU_PROPERTY, Hdu.class);
        return hdu != null && hdu.header() == header ? hdu : null;
    }

    private static List<Card> cards(Header header, Exchange exchange) {
        Hdu stored = storedHdu(header, exchange);
        return stored != null ? stored.cards() : CardParser.parse(header);
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
