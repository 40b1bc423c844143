package io.astrocloud.index;

import io.astrocloud.fits.Card;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The common keywords of one HDU's own header, lifted to top-level attributes that queries and
 * the secondary indexes use: OBJECT, TELESCOP, INSTRUME, FILTER, EXTNAME, DATE-OBS, EXPTIME, and
 * RA/Dec in degrees from RA_OBJ/DEC_OBJ, else RA_TARG/DEC_TARG, else CRVAL1/CRVAL2 when CTYPE1 and
 * CTYPE2 name equatorial axes (RA---xxx, DEC--xxx). Absent or blank keywords give no attribute,
 * which keeps the secondary indexes sparse.
 */
public final class PromotedKeywords {
    private static final Pattern OLD_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{2}|\\d{4})");
    private static final String[][] RA_DEC_PAIRS = {{"RA_OBJ", "DEC_OBJ"}, {"RA_TARG", "DEC_TARG"}};

    private PromotedKeywords() {
    }

    /** The promoted attributes of a header. */
    public static Map<String, AttributeValue> of(List<Card> cards) {
        Map<String, Object> values = new HashMap<>();
        for (Card c : cards) {
            values.putIfAbsent(c.keyword(), c.value());
        }
        Map<String, AttributeValue> item = new HashMap<>();
        text(values, "OBJECT", IndexSchema.OBJECT_NAME, item);
        text(values, "TELESCOP", IndexSchema.TELESCOPE, item);
        text(values, "INSTRUME", IndexSchema.INSTRUMENT, item);
        text(values, "FILTER", IndexSchema.FILTER_NAME, item);
        text(values, "EXTNAME", IndexSchema.EXTENSION_NAME, item);
        text(values, "DATE-OBS", IndexSchema.DATE_OBS, item);
        number(values.get("EXPTIME"), IndexSchema.EXPOSURE_TIME, item);
        raDec(values, item);
        if (item.containsKey(IndexSchema.OBJECT_NAME) || item.containsKey(IndexSchema.INSTRUMENT)) {
            AttributeValue dateObs = item.get(IndexSchema.DATE_OBS);
            item.put(IndexSchema.OBS_DATE, AttributeValue.fromS(dateObs == null ? IndexSchema.UNDATED
                    : isoDate(dateObs.s())));
        }
        return item;
    }

    /**
     * DATE-OBS as an ISO date: ISO values as written; the old {@code DD/MM/YY} form (FITS
     * standard 4.0, section 4.4.2.2: years 1900-1999) rewritten as {@code 19YY-MM-DD}, and the
     * non-standard {@code DD/MM/YYYY} some archives write (GOES) as {@code YYYY-MM-DD}.
     */
    static String isoDate(String dateObs) {
        Matcher m = OLD_DATE.matcher(dateObs);
        if (m.matches()) {
            String year = m.group(3).length() == 2 ? "19" + m.group(3) : m.group(3);
            return year + "-" + m.group(2) + "-" + m.group(1);
        }
        return dateObs;
    }

    private static void text(Map<String, Object> values, String keyword, String attribute,
                             Map<String, AttributeValue> item) {
        Object v = values.get(keyword);
        if (v == null || v instanceof double[]) {
            return;
        }
        String s = v.toString().strip();
        if (!s.isEmpty()) {
            item.put(attribute, AttributeValue.fromS(s));
        }
    }

    private static void raDec(Map<String, Object> values, Map<String, AttributeValue> item) {
        for (String[] pair : RA_DEC_PAIRS) {
            if (pairOf(values.get(pair[0]), values.get(pair[1]), pair[0] + "/" + pair[1], item)) {
                return;
            }
        }
        if (axis(values.get("CTYPE1"), "RA--") && axis(values.get("CTYPE2"), "DEC-")) {
            pairOf(values.get("CRVAL1"), values.get("CRVAL2"), "CRVAL1/CRVAL2", item);
        }
    }

    private static boolean pairOf(Object ra, Object dec, String from, Map<String, AttributeValue> item) {
        if (!(ra instanceof Number) || !(dec instanceof Number)) {
            return false;
        }
        if (!number(ra, IndexSchema.RA_DEG, item) || !number(dec, IndexSchema.DEC_DEG, item)) {
            item.remove(IndexSchema.RA_DEG);
            return false;
        }
        item.put(IndexSchema.RA_DEC_FROM, AttributeValue.fromS(from));
        return true;
    }

    private static boolean axis(Object ctype, String prefix) {
        return ctype instanceof String && ((String) ctype).toUpperCase(Locale.ROOT).startsWith(prefix);
    }

    /** Puts a number DynamoDB can hold (finite, within its 1E-130 .. 1E+126 range); false if it cannot. */
    private static boolean number(Object v, String attribute, Map<String, AttributeValue> item) {
        if (!(v instanceof Number)) {
            return false;
        }
        BigDecimal d;
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (!Double.isFinite(x)) {
                return false;
            }
            d = BigDecimal.valueOf(x);
        } else {
            d = new BigDecimal(v.toString());
        }
        if (d.signum() != 0 && (d.abs().compareTo(new BigDecimal("1E126")) >= 0
                || d.abs().compareTo(new BigDecimal("1E-130")) < 0 || d.precision() > 38)) {
            return false;
        }
        item.put(attribute, AttributeValue.fromN(d.toString()));
        return true;
    }
}
