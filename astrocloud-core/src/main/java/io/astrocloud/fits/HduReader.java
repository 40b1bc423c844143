package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads HDUs one after another by the FITS standard's rules, from whichever bytes the walk chose
 * (ranged reads, or a decompressed stream): 2880-byte blocks until the END card (on a card
 * boundary), the data size from the mandatory keywords ({@link DataSize}), a jump over the padded
 * data to the next header, and a stop at the object's end. Data segments are never read. Limits
 * fail clearly instead of hanging or allocating without bound: a header without END within the
 * header limit, sizes that are absurd or overflow, a header cut short by the end of the object.
 * How many bytes to ask for is the {@link FetchPlanner}'s business.
 */
final class HduReader {
    private static final int BLOCK = DataSize.BLOCK;
    private static final int CARD = 80;

    private final ByteWindow window;
    private final FetchPlanner planner;
    private final String url;
    private final int maxHeaderBytes;
    private final List<String> warnings = new ArrayList<>();
    private long nextOffset;
    private int index;

    HduReader(ByteWindow window, FetchPlanner planner, String url, int maxHeaderBytes) {
        this.window = window;
        this.planner = planner;
        this.url = url;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** What the walk noticed and tolerated so far. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The next HDU, or null at the end of the object. */
    Hdu next() throws IOException {
        long start = nextOffset;
        byte[] block = new byte[BLOCK];
        int n = window.read(start, block, 0, BLOCK, planner.headerStart(start, window.object()));
        if (index == 0) {
            checkPrimaryStart(block, n);
        } else if (!extensionStarts(block, n, start)) {
            return null;
        }
        return describe(start, readHeader(start, block));
    }

    private void checkPrimaryStart(byte[] block, int n) throws FitsFormatException {
        if (n < 9 || !startsWith(block, "SIMPLE  =")) {
            throw new FitsFormatException(url, 0, 0, "not a FITS file: it does not begin with \"SIMPLE  =\""
                    + (n == 0 ? " (the object is empty)"
                            : " (it begins with \"" + printable(block, Math.min(n, 20)) + "\")"));
        }
        if (n < BLOCK) {
            throw new FitsFormatException(url, 0, n, "the object ends after " + n
                    + " bytes, inside the first 2880-byte header block");
        }
    }

    /** True if an extension header starts at {@code start}; false (with a warning if need be) at the end. */
    private boolean extensionStarts(byte[] block, int n, long start) throws FitsFormatException {
        if (n == 0) {
            return false;
        }
        if (n < BLOCK && n >= 9 && startsWith(block, "XTENSION=")) {
            throw new FitsFormatException(url, index, start + n, "the object ends inside this header, "
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
        throw new FitsFormatException(url, index, start, "expected an extension header (\"XTENSION=\") here, found \""
                + printable(block, 20) + "\"");
    }

    private HeaderBytes readHeader(long start, byte[] firstBlock) throws IOException {
        byte[] bytes = firstBlock;
        int length = 0;
        while (true) {
            if (length > 0) {
                if (length + BLOCK > maxHeaderBytes) {
                    throw new FitsFormatException(url, index, start, "no END card within " + maxHeaderBytes
                            + " bytes of the header's start (raise the limit with --max-header if the header is real)");
                }
                if (bytes.length < length + BLOCK) {
                    bytes = Arrays.copyOf(bytes, Math.min(Math.max(bytes.length * 2, length + BLOCK), maxHeaderBytes));
                }
                int fetch = planner.moreHeader(start, bytes, length, window.object());
                int n = window.read(start + length, bytes, length, BLOCK, fetch);
                if (n < BLOCK) {
                    throw new FitsFormatException(url, index, start + length + n,
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
        List<Card> cards = CardParser.parse(header.bytes(), header.length());
        boolean primary = index == 0;
        long dataSize;
        long end;
        try {
            dataSize = DataSize.of(cards, primary);
            end = Math.addExact(Math.addExact(start, header.length()), DataSize.padded(dataSize));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FitsFormatException(url, index, start,
                    e.getMessage() == null ? "size overflows" : e.getMessage());
        }
        String type = primary ? "PRIMARY" : String.valueOf(cards.get(0).value()).strip();
        long dataOffset = start + header.length();
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
        Hdu hdu = new Hdu(index, type, start, header.length(), dataSize, url, cards, complete, header.bytes());
        nextOffset = end;
        index++;
        planner.observe(hdu);
        if (complete) {
            window.prefetch(planner.prefetch(end, object));
        }
        return hdu;
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
    private record HeaderBytes(byte[] bytes, int length) {
    }
}
