package io.astrocloud.fits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tile-compressed image (FITS tiled image compression convention: a BINTABLE with
 * {@code ZIMAGE = T}) seen as the image it stores: its image header as astropy's
 * {@code CompImageHDU.header} shows it, and how it is stored (algorithm, tile size,
 * quantization).
 *
 * <p>The image header is the stored table header with {@code BITPIX}, {@code NAXIS} and
 * {@code NAXISn} from {@code ZBITPIX}, {@code ZNAXIS}, {@code ZNAXISn}; {@code XTENSION = 'IMAGE'}
 * (or {@code SIMPLE} from {@code ZSIMPLE} for a compressed primary array); {@code PCOUNT},
 * {@code GCOUNT}, {@code EXTEND}, {@code BLOCKED}, {@code CHECKSUM}, {@code DATASUM} from their
 * {@code Z} counterparts; the table's own keywords ({@code TFIELDS}, {@code TTYPEn},
 * {@code TFORMn}, ...) and the compression keywords ({@code ZIMAGE}, {@code ZCMPTYPE},
 * {@code ZTILEn}, {@code ZNAMEn}, {@code ZVALn}, {@code ZQUANTIZ}, ...) removed; and
 * {@code EXTNAME = 'COMPRESSED_IMAGE'}, the convention's default name, removed. Cards are
 * moved, kept and padded with blank cards exactly as astropy 5.2.1 does (the golden tests
 * compare every card with it), with one deliberate difference: astropy 5.2.1 keeps
 * {@code ZDITHER0} in the image header (its pattern for compression keywords misses the
 * trailing 0); it is a compression keyword of the convention and cfitsio's {@code funpack}
 * drops it, so this view drops it too.
 */
public final class CompressedImageHeader {
    /** The name the convention gives a compressed image that has none of its own. */
    public static final String DEFAULT_EXTNAME = "COMPRESSED_IMAGE";
    private static final int MAX_AXES = 999;
    private static final Set<String> TABLE_KEYWORDS = Set.of("TTYPE", "TFORM", "TUNIT", "TNULL", "TSCAL",
            "TZERO", "TDISP", "TBCOL", "TDIM", "TCTYP", "TCUNI", "TCRPX", "TCRVL", "TCDLT", "TRPOS");
    private static final Set<String> COMPRESSION_KEYWORDS = Set.of("ZSIMPLE", "ZTENSION", "ZBITPIX", "ZNAXIS",
            "ZEXTEND", "ZBLOCKED", "ZPCOUNT", "ZGCOUNT", "ZHECKSUM", "ZDATASUM", "ZIMAGE", "ZCMPTYPE", "ZMASKCMP",
            "ZQUANTIZ", "ZDITHER0");
    private static final Set<String> INDEXED_COMPRESSION_KEYWORDS = Set.of("ZNAXIS", "ZTILE", "ZNAME", "ZVAL");
    private static final Pattern TABLE_KEYWORD = Pattern.compile("^(T[A-Z]*)([1-9][0-9 ]*)$");
    private static final Pattern Z_KEYWORD = Pattern.compile("^([Zz][a-zA-Z]*)([1-9][0-9 ]*$)?");

    private final List<Card> imageCards;
    private final String algorithm;
    private final List<Long> axes;
    private final List<Long> tile;
    private final String quantization;
    private final Long ditherSeed;
    private final Map<String, Object> parameters;

    private CompressedImageHeader(List<Card> imageCards, String algorithm, List<Long> axes, List<Long> tile,
                                  String quantization, Long ditherSeed, Map<String, Object> parameters) {
        this.imageCards = List.copyOf(imageCards);
        this.algorithm = algorithm;
        this.axes = List.copyOf(axes);
        this.tile = List.copyOf(tile);
        this.quantization = quantization;
        this.ditherSeed = ditherSeed;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** True when these stored cards are a tile-compressed image: {@code XTENSION = 'BINTABLE'}, {@code ZIMAGE = T}. */
    public static boolean isCompressedImage(List<Card> storedCards) {
        return "BINTABLE".equals(first(storedCards, "XTENSION").map(Card::value).orElse(null))
                && Boolean.TRUE.equals(first(storedCards, "ZIMAGE").map(Card::value).orElse(null));
    }

    /**
     * The image view of a walked HDU, or empty when it is not a tile-compressed image.
     *
     * @throws FitsFormatException naming the URL, HDU and header offset when the compression
     *                             keywords are missing or absurd ({@code ZBITPIX}, {@code ZNAXIS},
     *                             {@code ZNAXISn}, {@code ZTILEn})
     */
    public static Optional<CompressedImageHeader> of(Hdu hdu) throws FitsFormatException {
        try {
            return of(hdu.cards());
        } catch (IllegalArgumentException e) {
            throw new FitsFormatException(hdu.url(), hdu.index(), hdu.headerOffset(), e.getMessage(), e);
        }
    }

    /**
     * The image view of a stored header's cards (as {@link CardParser} reads them), or empty when
     * they are not a tile-compressed image.
     *
     * @throws IllegalArgumentException when the compression keywords are missing or absurd
     */
    public static Optional<CompressedImageHeader> of(List<Card> storedCards) {
        if (!isCompressedImage(storedCards)) {
            return Optional.empty();
        }
        List<Card> table = withoutRedundantDefaultNames(storedCards);
        long naxis = integer(table, "ZNAXIS", 0, MAX_AXES);
        List<Long> axes = new ArrayList<>();
        List<Long> tile = new ArrayList<>();
        for (int n = 1; n <= naxis; n++) {
            long length = integer(table, "ZNAXIS" + n, 0, Long.MAX_VALUE);
            axes.add(length);
            boolean given = first(table, "ZTILE" + n).isPresent();
            tile.add(given ? integer(table, "ZTILE" + n, 1, Long.MAX_VALUE) : n == 1 ? length : 1L);
        }
        integer(table, "ZBITPIX", -64, 64);
        String algorithm = string(table, "ZCMPTYPE");
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int n = 1; first(table, "ZNAME" + n).isPresent(); n++) {
            parameters.put(String.valueOf(first(table, "ZNAME" + n).get().value()),
                    first(table, "ZVAL" + n).map(Card::value).orElse(null));
        }
        Object seed = first(table, "ZDITHER0").map(Card::value).orElse(null);
        return Optional.of(new CompressedImageHeader(CompressedImageView.of(table, naxis),
                "RICE_ONE".equals(algorithm) ? "RICE_1" : algorithm, axes, tile, string(table, "ZQUANTIZ"),
                seed instanceof Long ? (Long) seed : null, parameters));
    }

    /** The image header as astropy's {@code CompImageHDU.header} shows it (but without {@code ZDITHER0}). */
    public List<Card> imageCards() {
        return imageCards;
    }

    /**
     * The image header as 80-character cards up to and including END, written by nom-tam-fits
     * (the view exists only in memory: its cards have no stored text).
     */
    public List<String> cardImages() {
        return CardImages.of(imageCards);
    }

    /** {@code ZCMPTYPE}: RICE_1, GZIP_1, GZIP_2, HCOMPRESS_1, PLIO_1, NOCOMPRESS ({@code RICE_ONE} read as RICE_1), or null. */
    public String algorithm() {
        return algorithm;
    }

    /** The image's axis lengths, {@code ZNAXIS1}, {@code ZNAXIS2}, ... */
    public List<Long> axes() {
        return axes;
    }

    /** Tile lengths per axis: {@code ZTILEn}, or the convention's default of one image row per tile. */
    public List<Long> tile() {
        return tile;
    }

    /** {@code ZQUANTIZ} (NO_DITHER, SUBTRACTIVE_DITHER_1, SUBTRACTIVE_DITHER_2) for quantized floats, or empty. */
    public Optional<String> quantization() {
        return Optional.ofNullable(quantization);
    }

    /** {@code ZDITHER0}, the dithering seed of quantized floats, or empty. */
    public Optional<Long> ditherSeed() {
        return Optional.ofNullable(ditherSeed);
    }

    /** The algorithm's parameters, {@code ZNAMEn = ZVALn} in order (BLOCKSIZE, BYTEPIX, SCALE, SMOOTH, ...). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** One line saying how the image is stored: {@code stored as RICE_1, tiles 100x1}. */
    public String storedAs() {
        StringBuilder s = new StringBuilder("stored as ").append(algorithm == null ? "an unnamed algorithm" : algorithm)
                .append(", tiles ").append(tile.stream().map(String::valueOf).collect(Collectors.joining("x")));
        if (quantization != null) {
            s.append(", floats quantized with ").append(quantization);
            if (ditherSeed != null) {
                s.append(" (seed ").append(ditherSeed).append(')');
            }
        }
        return s.toString();
    }

    /** Keywords of the table or of the compression, which the image header does not show. */
    static boolean reserved(String keyword) {
        if (keyword.equals("TFIELDS")) {
            return true;
        }
        Matcher t = TABLE_KEYWORD.matcher(keyword);
        if (t.matches() && TABLE_KEYWORDS.contains(t.group(1).toUpperCase(Locale.ROOT))) {
            return true;
        }
        Matcher z = Z_KEYWORD.matcher(keyword);
        if (z.lookingAt()) {
            String label = z.group(1).toUpperCase(Locale.ROOT);
            return z.group(2) != null && INDEXED_COMPRESSION_KEYWORDS.contains(label)
                    || COMPRESSION_KEYWORDS.contains(label) || keyword.equals("ZDITHER0");
        }
        return false;
    }

    /** A header with several EXTNAME cards loses those holding the default name (keeping one if all do). */
    private static List<Card> withoutRedundantDefaultNames(List<Card> cards) {
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).keyword().equals("EXTNAME")) {
                names.add(i);
            }
        }
        if (names.size() < 2) {
            return cards;
        }
        List<Integer> defaults = names.stream().filter(i -> DEFAULT_EXTNAME.equals(cards.get(i).value()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (defaults.size() == names.size()) {
            defaults.remove(0);
        }
        List<Card> kept = new ArrayList<>(cards);
        for (int k = defaults.size() - 1; k >= 0; k--) {
            kept.remove((int) defaults.get(k));
        }
        return kept;
    }

    static Optional<Card> first(List<Card> cards, String keyword) {
        for (Card c : cards) {
            if (c.keyword().equals(keyword)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static long integer(List<Card> cards, String keyword, long min, long max) {
        Object v = first(cards, keyword).map(Card::value).orElse(null);
        if (!(v instanceof Long) || (Long) v < min || (Long) v > max) {
            throw new IllegalArgumentException("tile-compressed image: " + keyword + " is "
                    + (v == null ? "missing" : "'" + v + "'") + ", expected an integer from " + min + " to " + max);
        }
        return (Long) v;
    }

    private static String string(List<Card> cards, String keyword) {
        Object v = first(cards, keyword).map(Card::value).orElse(null);
        return v instanceof String ? ((String) v).strip() : null;
    }
}
