package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides how many bytes a walk asks for, and which it fetches ahead: the first window, the window
 * at the start of each later HDU, how much more to ask for when a header has not ended yet, and
 * the predicted headers of files that repeat a layout ({@link LayoutPredictor}). It only steers
 * requests: where each header starts and ends is read from the bytes by {@link HduReader}.
 */
final class FetchPlanner {
    private static final int BLOCK = DataSize.BLOCK;
    private static final int CARD = 80;

    private final WalkOptions options;
    private final ObjectInfo known;
    private final LayoutPredictor predictor = new LayoutPredictor();
    private int seen;
    private long lastPaddedData;

    /**
     * @param options the walk's read-ahead, header limit and prefetch depth
     * @param known   the object's size (and ETag) when a listing gave it before any read, else
     *                {@link ObjectInfo#UNKNOWN}
     */
    FetchPlanner(WalkOptions options, ObjectInfo known) {
        this.options = options;
        this.known = known;
    }

    /** Learns the layout from an HDU just read. */
    void observe(Hdu hdu) {
        seen++;
        lastPaddedData = hdu.paddedDataSize();
        predictor.observe(hdu);
    }

    /** Bytes to ask for at {@code offset}, where the next HDU's header starts. */
    int headerStart(long offset, ObjectInfo object) {
        return orTheRest(offset, object, firstFetch());
    }

    /**
     * Bytes to ask for when the header starting at {@code start} has not ended within the
     * {@code length} bytes of {@code header} read so far (never past the header limit).
     */
    int moreHeader(long start, byte[] header, int length, ObjectInfo object) {
        return orTheRest(start + length, object,
                (int) Math.min(moreHeaderGuess(header, length), options.maxHeaderBytes() - length));
    }

    /**
     * Predicted headers after an HDU that ends at {@code end}, as {@code [offset, length]} ranges to
     * fetch in the background: none without a repeating layout or with prefetch off.
     */
    List<long[]> prefetch(long end, ObjectInfo object) {
        if (options.prefetch() == 0) {
            return List.of();
        }
        return ranges(predictor.predict(end, options.prefetch(), object.size()));
    }

    /**
     * How much to ask for at the start of the next HDU: the read-ahead for the first header and
     * after a small data segment (the next headers are probably close); after a jump over a
     * large data segment, just the header we expect (reading on would fetch data).
     */
    private int firstFetch() {
        if (seen == 0 && known.sizeKnown() && known.size() <= 4L * options.readAhead()) {
            return (int) Math.max(BLOCK, known.size()); // a small object known from a listing: all of it
        }
        if (seen == 0 || lastPaddedData < options.readAhead()) {
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
    private int orTheRest(long offset, ObjectInfo object, int fetch) {
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
}
