package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.TransferStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Walks the HDUs of a FITS object by their headers alone: reads 2880-byte blocks until the END
 * card, computes the data size ({@link DataSize}), jumps over the padded data to the next header,
 * and stops at the object's end. Data segments are never fetched. Limits fail clearly instead of
 * hanging or allocating without bound: a header without END within {@code maxHeaderBytes}, sizes
 * that are absurd or overflow, a header cut short by the end of the object.
 */
public final class HeaderWalker {
    private static final int BLOCK = DataSize.BLOCK;
    private static final int CARD = 80;

    private final RangeSource source;
    private final WalkOptions options;
    private ByteWindow window;
    private ObjectInfo stored;
    private final LayoutPredictor predictor = new LayoutPredictor();
    private long lastPaddedData;
    private long nextOffset;
    private int index;
    private boolean finished;
    private final List<String> warnings = new ArrayList<>();

    private final ObjectInfo known;

    private HeaderWalker(RangeSource source, WalkOptions options, ObjectInfo known) {
        this.source = source;
        this.options = options;
        this.known = known == null ? ObjectInfo.UNKNOWN : known;
        this.window = new RangeWindow(source);
    }

    /** Walks {@code source}; closing the walk closes the source. */
    public static HeaderWalk walk(RangeSource source, WalkOptions options) {
        return walk(source, options, null);
    }

    /** Walks {@code source}, reporting {@code stats} (the counts of a {@code CountingSource} under it). */
    public static HeaderWalk walk(RangeSource source, WalkOptions options, TransferStats stats) {
        return walk(source, options, stats, ObjectInfo.UNKNOWN);
    }

    /**
     * Walks {@code source} whose size (and ETag) a listing or an event already gave: a small object
     * is then read whole in one request.
     */
    public static HeaderWalk walk(RangeSource source, WalkOptions options, TransferStats stats, ObjectInfo known) {
        return new HeaderWalk(new HeaderWalker(source, options, known), stats);
    }

    String url() {
        return source.url();
    }

    ObjectInfo object() {
        return stored != null ? stored : window.object();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The next HDU, or null when there are no more. */
    Hdu next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            Hdu hdu = readHdu();
            if (hdu == null || !hdu.complete()) {
                finished = true;
            }
            return hdu;
        } catch (IOException | RuntimeException e) {
            finished = true;
            throw e;
        }
    }

    void close() throws IOException {
        finished = true;
        try {
            window.close();
        } finally {
            source.close();
        }
    }

    private Hdu readHdu() throws IOException {
        long start = nextOffset;
        byte[] block = new byte[BLOCK];
        int n = window.read(start, block, 0, BLOCK, orTheRest(start, firstFetch()));
        if (index == 0) {
            if (n >= 2 && (block[0] & 0xff) == 0x1f && (block[1] & 0xff) == 0x8b) {
                return startGzip();
            }
            checkPrimaryStart(block, n);
        } else if (!extensionStarts(block, n, start)) {
            return null;
        }
        HeaderBytes header = readHeader(start, block);
        return describe(start, header);
    }

    private Hdu startGzip() throws IOException {
        if (!options.gzip()) {
            throw new FitsFormatException(url(), 0, 0, "the object is gzip-compressed (it starts with 1F 8B): "
                    + "its HDUs cannot be reached with range requests; allow gzip (--gzip) to stream and "
                    + "decompress the whole object"
                    + (window.object().sizeKnown() ? " (" + window.object().size() + " bytes)" : ""));
        }
        stored = window.object();
        String etag = stored.etag();
        window.close();
        window = new StreamWindow(gunzip(), url(), etag);
        byte[] block = new byte[BLOCK];
        int n = window.read(0, block, 0, BLOCK, BLOCK);
        checkPrimaryStart(block, n);
        return describe(0, readHeader(0, block));
    }

    private java.io.InputStream gunzip() throws IOException {
        java.io.InputStream raw = source.open(0, null);
        try {
            return new GZIPInputStream(raw, 64 * 1024);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            raw.close();
            throw new FitsFormatException(url(), 0, 0, "the gzip header is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private void checkPrimaryStart(byte[] block, int n) throws FitsFormatException {
        if (n < 9 || !startsWith(block, "SIMPLE  =")) {
            throw new FitsFormatException(url(), 0, 0, "not a FITS file: it does not begin with \"SIMPLE  =\""
                    + (n == 0 ? " (the object is empty)" : " (it begins with \"" + printable(block, Math.min(n, 20)) + "\")"));
        }
        if (n < BLOCK) {
            throw new FitsFormatException(url(), 0, n, "the object ends after " + n
                    + " bytes, inside the first 2880-byte header block");
        }
    }

    /** True if an extension header starts at {@code start}; false (with a warning if need be) at the end. */
    private boolean extensionStarts(byte[] block, int n, long start) throws FitsFormatException {
        if (n == 0) {
            return false;
        }
        if (n < BLOCK && n >= 9 && startsWith(block, "XTENSION=")) {
            throw new FitsFormatException(url(), index, start + n, "the object ends inside this header, "
                    + n + " bytes into it, before its END card");
        }
        if (n < BLOCK) {
            warnings.add(n + " bytes after the last HDU (at byte " + start + ") are less than a block; ignored");
            return false;
        }
        if (startsWith(block, "XTENSION=")) {
            return true;
        }
        if (allPadding(block)) {
            warnings.add("padding blocks after the last HDU (at byte " + start + ") ignored");
            return false;
        }
        throw new FitsFormatException(url(), index, start, "expected an extension header (\"XTENSION=\") here, found \""
                + printable(block, 20) + "\"");
    }

    private HeaderBytes readHeader(long start, byte[] firstBlock) throws IOException {
        byte[] bytes = firstBlock;
        int length = 0;
        while (true) {
            if (length > 0) {
                if (length + BLOCK > options.maxHeaderBytes()) {
                    throw new FitsFormatException(url(), index, start, "no END card within " + options.maxHeaderBytes()
                            + " bytes of the header's start (raise the limit with --max-header if the header is real)");
                }
                if (bytes.length < length + BLOCK) {
                    bytes = Arrays.copyOf(bytes, Math.min(Math.max(bytes.length * 2, length + BLOCK),
                            options.maxHeaderBytes()));
                }
                int fetch = orTheRest(start + length,
                        (int) Math.min(moreHeaderGuess(bytes, length), options.maxHeaderBytes() - length));
                int n = window.read(start + length, bytes, length, BLOCK, fetch);
                if (n < BLOCK) {
                    throw new FitsFormatException(url(), index, start + length + n,
                            "the object ends inside this header, before its END card");
                }
            }
            int end = findEnd(bytes, length);
            length += BLOCK;
            if (end >= 0) {
                return new HeaderBytes(bytes, length);
            }
        }
    }

    /** The offset of the END card within the block at {@code from}, or -1. END counts only on a card boundary. */
    private static int findEnd(byte[] bytes, int from) {
        for (int at = from; at < from + BLOCK; at += CARD) {
            if (bytes[at] == 'E' && bytes[at + 1] == 'N' && bytes[at + 2] == 'D') {
                boolean blank = true;
                for (int i = 3; i < 8; i++) {
                    blank &= bytes[at + i] == ' ';
                }
                if (blank) {
                    return at;
                }
            }
        }
        return -1;
    }

    private Hdu describe(long start, HeaderBytes header) throws IOException {
        List<Card> cards = CardParser.parse(header.bytes, header.length);
        boolean primary = index == 0;
        long dataSize;
        long end;
        try {
            dataSize = DataSize.of(cards, primary);
            end = Math.addExact(Math.addExact(start, header.length), DataSize.padded(dataSize));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FitsFormatException(url(), index, start, e.getMessage() == null ? "size overflows" : e.getMessage());
        }
        String type = primary ? "PRIMARY" : String.valueOf(cards.get(0).value()).strip();
        long dataOffset = start + header.length;
        ObjectInfo object = window.object();
        boolean complete = true;
        if (object.sizeKnown()) {
            if (dataOffset + dataSize > object.size()) {
                complete = false;
                warnings.add("HDU " + index + " is truncated: its data needs " + dataSize + " bytes from byte "
                        + dataOffset + ", the object ends at " + object.size());
            } else if (end > object.size()) {
                warnings.add("HDU " + index + " lacks the padding to a 2880-byte block at the end of the object");
            }
        }
        Hdu hdu = new Hdu(index, type, start, header.length, dataSize, url(), cards, complete, header.bytes);
        nextOffset = end;
        index++;
        lastPaddedData = hdu.paddedDataSize();
        predictor.observe(hdu);
        if (options.prefetch() > 0 && complete) {
            window.prefetch(ranges(predictor.predict(end, options.prefetch(), object.size())));
        }
        return hdu;
    }

    /**
     * How much to ask for at the start of the next HDU: the read-ahead for the first header and
     * after a small data segment (the next headers are probably close); after a jump over a
     * large data segment, just the header we expect (reading on would fetch data).
     */
    private int firstFetch() {
        if (index == 0 && known.sizeKnown() && known.size() <= 4L * options.readAhead()) {
            return (int) Math.max(BLOCK, known.size()); // a small object known from a listing: all of it
        }
        if (index == 0 || lastPaddedData < options.readAhead()) {
            return options.readAhead();
        }
        return Math.max(BLOCK, predictor.headerGuess());
    }

    /**
     * {@code fetch}, or all the rest of the object from {@code offset} when the object's size is
     * known and the rest is small (the rule for small objects known from a listing): one request
     * for the last few HDUs of a small file instead of one per header. Measured on the corpus
     * (BENCHMARKS.md): a round trip costs more than the few kilobytes of data it would skip.
     */
    private int orTheRest(long offset, int fetch) {
        ObjectInfo object = window.object();
        if (object.sizeKnown()) {
            long rest = object.size() - offset;
            if (rest > fetch && rest <= 4L * options.readAhead()) {
                return (int) rest;
            }
        }
        return fetch;
    }

    /**
     * How much more to ask for when a header has not ended within {@code length} bytes. For a
     * table, TFIELDS says how many columns there are and the first block shows how many keywords
     * each column has (TTYPE1, TFORM1, TUNIT1, ...): enough for all of them. Otherwise, or once
     * the header has outgrown that estimate, as much again as read so far (never block by block).
     */
    private static long moreHeaderGuess(byte[] header, int length) {
        long tfields = -1;
        int perColumn = 0;
        int cards = Math.min(length, BLOCK) / CARD;
        for (int i = 0; i < cards; i++) {
            String key = new String(header, i * CARD, 8, StandardCharsets.US_ASCII).stripTrailing();
            if (key.equals("TFIELDS")) {
                Object v = CardParser.parse(Arrays.copyOfRange(header, i * CARD, i * CARD + CARD), CARD).get(0).value();
                tfields = v instanceof Long ? (Long) v : -1;
            } else if (key.length() > 2 && key.charAt(0) == 'T' && key.endsWith("1")
                    && !Character.isDigit(key.charAt(key.length() - 2))) {
                perColumn++;
            }
        }
        long guess = length;
        if (tfields > 0 && tfields <= 999 && perColumn > 0) {
            long estimate = (12 + perColumn * tfields) * CARD - length;
            guess = estimate > 0 ? estimate : length;
        }
        return DataSize.padded(Math.max(BLOCK, guess));
    }

    /** Predicted headers as ranges to prefetch: neighbours closer than the read-ahead share a range. */
    private List<long[]> ranges(List<long[]> predicted) {
        List<long[]> ranges = new ArrayList<>();
        for (long[] p : predicted) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && p[0] - (last[0] + last[1]) < options.readAhead()
                    && p[0] + p[1] - last[0] <= options.readAhead() * 4L) {
                last[1] = p[0] + p[1] - last[0];
            } else {
                ranges.add(new long[] {p[0], p[1]});
            }
        }
        return ranges;
    }

    private static boolean startsWith(byte[] block, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (block[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPadding(byte[] block) {
        for (byte b : block) {
            if (b != 0 && b != ' ') {
                return false;
            }
        }
        return true;
    }

    private static String printable(byte[] b, int n) {
        byte[] copy = Arrays.copyOf(b, n);
        for (int i = 0; i < n; i++) {
            if (copy[i] < 0x20 || copy[i] > 0x7e) {
                copy[i] = '.';
            }
        }
        return new String(copy, StandardCharsets.US_ASCII);
    }

    /** Header bytes read so far: a buffer and how much of it is the header. */
    private static final class HeaderBytes {
        final byte[] bytes;
        final int length;

        HeaderBytes(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }
    }
}
