package io.astrocloud.fits;

import static io.astrocloud.fits.CompressedImageHeader.DEFAULT_EXTNAME;
import static io.astrocloud.fits.CompressedImageHeader.first;
import static io.astrocloud.fits.CompressedImageHeader.reserved;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits astropy 5.2.1 makes to a copy of the table header ({@code CompImageHDU.header}),
 * replayed step by step with its card-placement rules: a keyword set "before" or "after" a
 * card is moved there; a new keyword without a place goes after the last non-commentary card;
 * inserting a card uses up one trailing blank card; blank cards are finally added at the end
 * until there are as many as the table header ends with.
 */
final class CompressedImageView {
    private static final Pattern NAXIS_N = Pattern.compile("NAXIS(\\d+)");
    private final List<Card> table;
    private final List<Card> cards;

    private CompressedImageView(List<Card> table) {
        this.table = table;
        this.cards = new ArrayList<>(table);
    }

    static List<Card> of(List<Card> table, long naxis) {
        CompressedImageView v = new CompressedImageView(table);
        v.cards.removeIf(c -> reserved(c.keyword()));
        Optional<Card> zsimple = first(table, "ZSIMPLE");
        if (zsimple.isPresent()) {
            v.set("SIMPLE", zsimple.get().value(), zsimple.get().comment(), 0, null);
            v.cards.removeIf(c -> c.keyword().equals("XTENSION"));
        } else {
            String comment = first(table, "ZTENSION").map(Card::comment).orElse(null);
            v.set("XTENSION", "IMAGE", comment, 0, null);
        }
        v.moveFrom("ZBITPIX", "BITPIX", 1, null);
        v.moveFrom("ZNAXIS", "NAXIS", 2, null);
        String last = "NAXIS";
        for (int n = 1; n <= naxis; n++) {
            v.moveFrom("ZNAXIS" + n, "NAXIS" + n, null, last);
            last = "NAXIS" + n;
        }
        v.cards.removeIf(c -> {
            Matcher m = NAXIS_N.matcher(c.keyword());
            return m.matches() && m.group(1).length() < 10 && Long.parseLong(m.group(1)) > naxis;
        });
        v.setCount("ZPCOUNT", "PCOUNT", 0L, last);
        v.setCount("ZGCOUNT", "GCOUNT", 1L, "PCOUNT");
        for (String[] pair : new String[][] {{"ZEXTEND", "EXTEND"}, {"ZBLOCKED", "BLOCKED"},
                {"ZHECKSUM", "CHECKSUM"}, {"ZDATASUM", "DATASUM"}}) {
            first(table, pair[0]).ifPresent(z -> v.set(pair[1], z.value(), z.comment(), null, null));
        }
        if (first(v.cards, "EXTNAME").map(c -> DEFAULT_EXTNAME.equals(c.value())).orElse(false)) {
            v.cards.removeIf(c -> c.keyword().equals("EXTNAME"));
        }
        if (first(v.cards, "SIMPLE").isPresent()) {
            v.cards.removeIf(c -> c.keyword().equals("PCOUNT") || c.keyword().equals("GCOUNT"));
        }
        for (int k = trailingBlanks(v.table) - trailingBlanks(v.cards); k > 0; k--) {
            v.cards.add(new Card("", "", ""));
        }
        return v.cards;
    }

    private void moveFrom(String zKeyword, String keyword, Integer before, String after) {
        Card z = first(table, zKeyword).orElseThrow();
        set(keyword, z.value(), z.comment(), before, after);
    }

    private void setCount(String zKeyword, String keyword, long otherwise, String after) {
        Optional<Card> z = first(table, zKeyword);
        set(keyword, z.map(Card::value).orElse(otherwise), z.map(Card::comment).orElse(null), null, after);
    }

    /** astropy's {@code Header.set}: update (keeping the comment when none is given) and move, or add. */
    private void set(String keyword, Object value, String comment, Integer before, String after) {
        int at = indexOf(keyword);
        if (at >= 0) {
            Card old = cards.get(at);
            Card updated = new Card(keyword, value, comment == null ? old.comment() : comment);
            cards.set(at, updated);
            if (before != null || after != null) {
                relativeInsert(updated, before, after, true);
            }
        } else if (before != null || after != null) {
            relativeInsert(new Card(keyword, value, comment == null ? "" : comment), before, after, false);
        } else {
            append(new Card(keyword, value, comment == null ? "" : comment));
        }
    }

    private void relativeInsert(Card card, Integer before, String after, boolean replace) {
        if (replace) {
            int old = indexOf(card.keyword());
            int to = insertionIndex(before, after);
            if (to >= cards.size() && old == cards.size() - 1
                    || before != null && old == to - 1 || before == null && old == to) {
                return;
            }
            cards.remove(old);
        }
        insert(insertionIndex(before, after), card);
    }

    private int insertionIndex(Integer before, String after) {
        return before != null ? before : indexOf(after) + 1;
    }

    private void insert(int at, Card card) {
        if (at >= cards.size()) {
            cards.add(card);
            return;
        }
        cards.add(at, card);
        useBlank();
    }

    /** After the last card that is neither blank nor commentary, using up one trailing blank card. */
    private void append(Card card) {
        int at = cards.size() - 1;
        while (at >= 0 && blank(cards.get(at))) {
            at--;
        }
        while (at >= 0 && (Card.isCommentary(cards.get(at).keyword()) || cards.get(at).keyword().equals("END"))) {
            at--;
        }
        cards.add(at + 1, card);
        if (trailingBlanks(cards) > 0) {
            useBlank();
        }
    }

    private void useBlank() {
        if (!cards.isEmpty() && blank(cards.get(cards.size() - 1))) {
            cards.remove(cards.size() - 1);
        }
    }

    private int indexOf(String keyword) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Blank cards at the end, counted as astropy counts them (never the first card). */
    private static int trailingBlanks(List<Card> cards) {
        for (int k = 1; k < cards.size(); k++) {
            if (!blank(cards.get(cards.size() - k))) {
                return k - 1;
            }
        }
        return 0;
    }

    private static boolean blank(Card c) {
        return c.keyword().isEmpty() && "".equals(c.value());
    }
}
