package io.astrocloud.describe;

import io.astrocloud.fits.Card;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords an HDU's description reads: its own header (the image view for a tile-compressed
 * image) and, for an extension, what it inherits from the primary header.
 *
 * <p>Inheritance follows the FITS header inheritance convention (registered 2007, reserved by
 * FITS 4.0): an extension header inherits the primary header's keywords that it lacks, its own
 * cards taking precedence. Only the keywords that describe the observation a whole file belongs
 * to are inherited ({@link #INHERITED}: who observed what and when, the time reference, the
 * exposure, the ESO wavelength range), never structure, WCS, EXTNAME or HDUCLASn, which describe
 * one HDU's data. With {@code INHERIT = T} or without INHERIT they are inherited: archives such
 * as HST and NOAO write them in the primary header only, with INHERIT = T or nothing, and a
 * primary header describes its file. {@code INHERIT = F} is obeyed: nothing is inherited, and a
 * missing column's reason says what the primary header had.
 */
final class HduKeywords {
    /** The keywords an extension takes from the primary header when its own header lacks them. */
    static final Set<String> INHERITED = Set.of(
            "TELESCOP", "INSTRUME", "OBJECT", "TARGNAME", "OBS_ID", "ROOTNAME",
            "DATE-OBS", "TIME-OBS", "DATE-BEG", "DATE-END", "TIME-END", "MJD-OBS", "MJD-BEG", "MJD-END",
            "EXPSTART", "EXPEND", "TSTART", "TSTARTI", "TSTARTF", "TSTOP", "TSTOPI", "TSTOPF",
            "MJDREF", "MJDREFI", "MJDREFF", "JDREF", "JDREFI", "JDREFF", "BJDREFI", "BJDREFF", "DATEREF",
            "TIMESYS", "TIMEUNIT", "TIMEZERO", "TIMEOFFS",
            "XPOSURE", "EXPOSURE", "EXPTIME", "TELAPSE",
            "WAVELMIN", "WAVELMAX", "SPEC_RES");

    /** How the primary header is consulted. */
    enum Inheritance {
        /** This is the primary header. */
        PRIMARY,
        /** An extension with INHERIT = T or without INHERIT. */
        INHERITS,
        /** An extension with INHERIT = F. */
        REFUSED
    }

    /** A keyword's card and whether it came from the primary header. */
    record Found(Card card, boolean inherited) {
        Object value() {
            return card.value();
        }

        /** {@code DATE-OBS = '...'}, with "(primary header)" when inherited. */
        String describe(String keyword) {
            Object v = card.value();
            return keyword + " = " + (v instanceof String ? "'" + v + "'" : String.valueOf(v))
                    + (inherited ? " (primary header)" : "");
        }
    }

    private final List<Card> own;
    private final Map<String, Card> ownIndex;
    private final List<Card> primary;
    private Map<String, Card> primaryIndex;
    private final Inheritance inheritance;

    HduKeywords(List<Card> own, List<Card> primary, Inheritance inheritance) {
        this.own = own;
        this.ownIndex = index(own);
        this.primary = primary;
        this.inheritance = inheritance;
    }

    /**
     * Each keyword's first card: a description asks for some sixty keywords, which would each
     * scan the header otherwise.
     */
    private static Map<String, Card> index(List<Card> cards) {
        Map<String, Card> index = new HashMap<>(cards == null ? 0 : cards.size() * 2);
        if (cards != null) {
            for (Card c : cards) {
                index.putIfAbsent(c.keyword(), c);
            }
        }
        return index;
    }

    /** The primary header's first card of {@code keyword}, indexed on first use (only extensions ask). */
    private Optional<Card> inPrimary(String keyword) {
        if (primaryIndex == null) {
            primaryIndex = index(primary);
        }
        return Optional.ofNullable(primaryIndex.get(keyword));
    }

    /** The HDU's own cards (the image view of a compressed image). */
    List<Card> own() {
        return own;
    }

    Inheritance inheritance() {
        return inheritance;
    }

    /** The keyword's card in this header, or inherited from the primary header, or empty. */
    Optional<Found> find(String keyword) {
        Card mine = ownIndex.get(keyword);
        if (mine != null) {
            return Optional.of(new Found(mine, false));
        }
        if (inheritance == Inheritance.INHERITS && INHERITED.contains(keyword)) {
            return inPrimary(keyword).map(c -> new Found(c, true));
        }
        return Optional.empty();
    }

    /** The keyword's value in this header only (never inherited), or null. */
    Object ownValue(String keyword) {
        Card mine = ownIndex.get(keyword);
        return mine == null ? null : mine.value();
    }

    /** A non-blank string value (trimmed), own or inherited. */
    Optional<String> text(String keyword) {
        return find(keyword).map(Found::value).filter(v -> v instanceof String || v instanceof Long)
                .map(v -> v.toString().strip()).filter(s -> !s.isEmpty());
    }

    /**
     * Why none of {@code keywords} gives a value: "no OBJECT or TARGNAME", plus what the primary
     * header has when INHERIT = F kept it out, or that a value is blank.
     */
    String missing(String... keywords) {
        StringBuilder why = new StringBuilder("no ").append(String.join(" or ", keywords));
        for (String k : keywords) {
            Optional<Found> f = find(k);
            if (f.isPresent()) {
                why.append("; ").append(f.get().describe(k)).append(" is blank");
            }
        }
        if (inheritance == Inheritance.REFUSED) {
            for (String k : keywords) {
                Optional<Card> p = inPrimary(k);
                if (p.isPresent() && INHERITED.contains(k)) {
                    why.append("; the primary header has ").append(new Found(p.get(), false).describe(k))
                            .append(" but INHERIT = F");
                }
            }
        }
        return why.toString();
    }
}
