package io.astrocloud.fits;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;

/**
 * Reads header card images into {@link Card}s with typed values, following the rules astropy
 * applies (astropy is the reader most astronomers compare against): CONTINUE cards join the card
 * before them into one long string; HIERARCH keywords lose their prefix; COMMENT, HISTORY and
 * blank-keyword cards keep their text as the value; cards without a value indicator are kept as
 * text; record-valued keyword cards ({@code DP1 = 'AXIS.1: 1'}) become {@code DP1.AXIS.1}; a
 * real value may use a D exponent; strings lose trailing blanks. Bytes that are not printable
 * ASCII read as {@code ?}. This is the one place where card text becomes values: the CLI, the
 * Camel converters and the DynamoDB items all use it.
 */
public final class CardParser {
    private static final int CARD = 80;
    private static final String DIGITS_FSC = "(\\.\\d+|\\d+(\\.\\d*)?)([DE][+-]?\\d+)?";
    private static final String DIGITS_NFSC = "(\\.\\d+|\\d+(\\.\\d*)?) *([deDE] *[+-]? *\\d+)?";
    private static final String NUMR_FSC = "[+-]?" + DIGITS_FSC;
    private static final String NUMR_NFSC = "[+-]? *" + DIGITS_NFSC;
    private static final String STRG = "'(?<strg>([ -~]+?|''|) *?)'(?=$|/| )";
    private static final String COMM_FIELD = "(?<commfield>(?<sepr>/ *)(?<comm>[\\s\\S]*))";
    private static final Pattern VALUE = Pattern.compile(
            "(?<valufield> *(?<valu>" + STRG + "|(?<bool>[FT])|(?<numr>" + NUMR_NFSC + ")|"
                    + "(?<cplx>\\( *(?<real>" + NUMR_NFSC + ") *, *(?<imag>" + NUMR_NFSC + ") *\\)))? *)"
                    + COMM_FIELD + "?$");
    private static final Pattern NUMBER = Pattern.compile("(?<sign>[+-])? *0*?(?<digt>" + DIGITS_NFSC + ")");
    private static final Pattern STRG_COMMENT = Pattern.compile("(" + STRG + ")? *" + COMM_FIELD + "?");
    private static final String RVKC_FIELD = "[a-zA-Z_]\\w*(\\.\\d+)?";
    private static final Pattern RVKC_VALUE = Pattern.compile(
            " *'(?<rawval>(?<field>" + RVKC_FIELD + "(\\." + RVKC_FIELD + ")*): +(?<val>" + NUMR_FSC + "))'"
                    + " *(/ *(?<comm>[ -~]*))?$");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private CardParser() {
    }

    /** The cards of raw header bytes, up to the END card (or the end of the bytes). */
    public static List<Card> parse(byte[] header, int length) {
        List<String> images = new ArrayList<>(length / CARD);
        for (int at = 0; at + CARD <= length; at += CARD) {
            String image = ascii(header, at);
            if (image.startsWith("END     ")) {
                break;
            }
            images.add(image);
        }
        return fromImages(images);
    }

    /**
     * The cards of a nom-tam-fits header built or changed in memory. For headers read by the
     * walker prefer {@code Hdu.cards()}, which reads the stored bytes: nom-tam-fits trims the
     * leading blanks of COMMENT and HISTORY text.
     */
    public static List<Card> parse(Header header) {
        List<String> images = cardImages(header);
        return fromImages(images.subList(0, images.size() - 1));
    }

    /**
     * The 80-character card images of a nom-tam-fits header as nom-tam-fits writes them (a long
     * string with its CONTINUE cards, one image each), ending with one END card. For headers read
     * by the walker prefer {@code Hdu.cardImages()}, the images as stored.
     */
    public static List<String> cardImages(Header header) {
        List<String> images = new ArrayList<>();
        for (Iterator<HeaderCard> it = header.iterator(); it.hasNext(); ) {
            String text = it.next().toString();
            for (int at = 0; at + CARD <= text.length(); at += CARD) {
                String image = text.substring(at, at + CARD);
                if (!image.startsWith("END     ")) {
                    images.add(image);
                }
            }
        }
        images.add(String.format("%-" + CARD + "s", "END"));
        return images;
    }

    /** Groups card images with their CONTINUE cards and parses each group. */
    static List<Card> fromImages(List<String> images) {
        List<Card> cards = new ArrayList<>(images.size());
        List<String> group = new ArrayList<>();
        for (String image : images) {
            if (!group.isEmpty() && image.startsWith("CONTINUE")) {
                group.add(image);
                continue;
            }
            if (!group.isEmpty()) {
                cards.add(card(group));
            }
            group = new ArrayList<>();
            group.add(image);
        }
        if (!group.isEmpty()) {
            cards.add(card(group));
        }
        return cards;
    }

    private static Card card(List<String> images) {
        String image = images.get(0);
        String key8 = image.substring(0, 8).strip();
        String upper = key8.toUpperCase(Locale.ROOT);
        boolean commentary = upper.isEmpty() || upper.equals("COMMENT") || upper.equals("HISTORY")
                || upper.equals("END");
        if (commentary || upper.equals("CONTINUE")) {
            return new Card(upper, String.join("", images).substring(8).stripTrailing(), "");
        }
        if (upper.equals("HIERARCH") && image.charAt(8) == ' ' && image.indexOf('=') >= 0) {
            String keyword = image.substring(0, image.indexOf('=')).substring(9).strip();
            return valued(keyword, images, image.substring(image.indexOf('=') + 1).strip());
        }
        int indicator = image.indexOf("= ");
        if (indicator < 0 || indicator > 8) {
            // No value indicator: astropy keeps the card as text, under its keyword as written.
            return new Card(key8, String.join("", images).substring(8).stripTrailing(), "");
        }
        String keyword = indicator < 8 ? upper.substring(0, Math.min(upper.length(), indicator)).strip() : upper;
        String rest = image.substring(indicator + 2);
        if (images.size() == 1) {
            Card plain = PlainCard.read(keyword, rest);
            if (plain != null) {
                return plain;
            }
            Matcher rvkc = RVKC_VALUE.matcher(rest.stripLeading());
            if (rest.stripLeading().startsWith("'") && rest.indexOf(": ") >= 2 && rvkc.lookingAt()) {
                String comment = rvkc.group("comm") == null ? "" : rvkc.group("comm").stripTrailing();
                return new Card(keyword + "." + rvkc.group("field"), number(rvkc.group("val")), comment);
            }
        }
        return valued(keyword, images, rest.strip());
    }

    private static Card valued(String keyword, List<String> images, String firstValueComment) {
        String valueComment = images.size() == 1 ? firstValueComment : joinLongString(images, firstValueComment);
        Matcher m = VALUE.matcher(valueComment);
        if (!m.lookingAt()) {
            // astropy cannot parse this card's value either; keep the text after '/' as the comment.
            int slash = valueComment.indexOf('/');
            return new Card(keyword, null, slash < 0 ? "" : valueComment.substring(slash + 1).strip());
        }
        String comment = m.group("comm") == null ? "" : m.group("comm").stripTrailing();
        return new Card(keyword, value(m), comment);
    }

    private static String joinLongString(List<String> images, String firstValueComment) {
        StringBuilder value = new StringBuilder();
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String vc = i == 0 ? firstValueComment : images.get(i).substring(8).strip();
            Matcher m = STRG_COMMENT.matcher(vc);
            if (!m.lookingAt()) {
                return vc;
            }
            String piece = m.group("strg") == null ? "" : m.group("strg").stripTrailing().replace("''", "'");
            if (piece.endsWith("&")) {
                piece = piece.substring(0, piece.length() - 1);
            }
            value.append(piece);
            if (m.group("comm") != null && !m.group("comm").isEmpty()) {
                comments.add(m.group("comm").stripTrailing());
            }
        }
        return "'" + value + "' / " + String.join(" ", comments);
    }

    private static Object value(Matcher m) {
        if (m.group("bool") != null) {
            return m.group("bool").equals("T");
        }
        if (m.group("strg") != null) {
            return m.group("strg").replace("''", "'").stripTrailing();
        }
        if (m.group("numr") != null) {
            return number(m.group("numr"));
        }
        if (m.group("cplx") != null) {
            return new double[] {
                ((Number) number(m.group("real"))).doubleValue(),
                ((Number) number(m.group("imag"))).doubleValue()};
        }
        return null;
    }

    /** An integer (Long, or BigInteger when it does not fit) or a real (Double), as astropy reads numbers. */
    static Object number(String text) {
        Matcher n = NUMBER.matcher(text);
        if (!n.lookingAt()) {
            return null;
        }
        String digits = n.group("digt").replace(" ", "").replace('d', 'e').replace('D', 'E');
        String signed = (n.group("sign") == null ? "" : n.group("sign")) + digits;
        if (INTEGER.matcher(signed).matches()) {
            BigInteger big = new BigInteger(signed);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return Double.parseDouble(signed);
    }

    private static String ascii(byte[] bytes, int at) {
        byte[] card = new byte[CARD];
        for (int i = 0; i < CARD; i++) {
            byte b = bytes[at + i];
            card[i] = b >= 0x20 && b < 0x7f ? b : (byte) '?';
        }
        return new String(card, StandardCharsets.US_ASCII);
    }
}
