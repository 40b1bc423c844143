package io.astrocloud.fits;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of an HDU's data segment, from its header, by the FITS standard 4.0 (section 4.4.1),
 * in 64-bit arithmetic that refuses to overflow:
 * {@code |BITPIX| / 8 × GCOUNT × (PCOUNT + NAXIS1 × ... × NAXISn)}, where random groups
 * (a primary header with GROUPS = T and NAXIS1 = 0) leave NAXIS1 out of the product, and
 * PCOUNT and GCOUNT default to 0 and 1. A binary table's PCOUNT covers its heap and any gap
 * before it (THEAP); a tile-compressed image is such a table. Absurd values (a BITPIX the
 * standard does not have, a negative or non-integer axis, NAXIS over 999, a product past
 * 2<sup>63</sup>) are refused with {@link IllegalArgumentException} naming the keyword.
 */
public final class DataSize {
    /** Bytes in a FITS block. */
    public static final int BLOCK = 2880;
    private static final int MAX_NAXIS = 999;

    private DataSize() {
    }

    /** The data size in bytes, before padding, of the HDU with these cards. */
    public static long of(List<Card> cards, boolean primary) {
        Map<String, Object> first = new HashMap<>();
        for (Card c : cards) {
            first.putIfAbsent(c.keyword(), c.value());
        }
        long bitpix = integer(first, "BITPIX", null);
        if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
            throw new IllegalArgumentException("BITPIX = " + bitpix + " is not one of 8, 16, 32, 64, -32, -64");
        }
        long naxis = integer(first, "NAXIS", null);
        if (naxis < 0 || naxis > MAX_NAXIS) {
            throw new IllegalArgumentException("NAXIS = " + naxis + " is outside 0..999");
        }
        if (naxis == 0) {
            return 0;
        }
        long[] axes = new long[(int) naxis];
        for (int i = 0; i < naxis; i++) {
            axes[i] = integer(first, "NAXIS" + (i + 1), null);
            if (axes[i] < 0) {
                throw new IllegalArgumentException("NAXIS" + (i + 1) + " = " + axes[i] + " is negative");
            }
        }
        boolean randomGroups = primary && Boolean.TRUE.equals(first.get("GROUPS")) && axes[0] == 0;
        long pcount = integer(first, "PCOUNT", 0L);
        long gcount = integer(first, "GCOUNT", 1L);
        if (pcount < 0) {
            throw new IllegalArgumentException("PCOUNT = " + pcount + " is negative");
        }
        if (gcount < 0) {
            throw new IllegalArgumentException("GCOUNT = " + gcount + " is negative");
        }
        try {
            long product = 1;
            for (int i = randomGroups ? 1 : 0; i < axes.length; i++) {
                product = Math.multiplyExact(product, axes[i]);
            }
            product = Math.multiplyExact(Math.addExact(product, pcount), gcount);
            return Math.multiplyExact(product, Math.abs(bitpix) / 8);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the data size overflows 64 bits (NAXISn, PCOUNT, GCOUNT too large)");
        }
    }

    /** {@code size} rounded up to a whole number of 2880-byte blocks. */
    public static long padded(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        long blocks = size / BLOCK + (size % BLOCK == 0 ? 0 : 1);
        try {
            return Math.multiplyExact(blocks, BLOCK);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the padded data size overflows 64 bits");
        }
    }

    private static long integer(Map<String, Object> values, String keyword, Long fallback) {
        if (!values.containsKey(keyword)) {
            if (fallback == null) {
                throw new IllegalArgumentException("mandatory keyword " + keyword + " is missing");
            }
            return fallback;
        }
        Object v = values.get(keyword);
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof BigInteger) {
            throw new IllegalArgumentException(keyword + " = " + v + " does not fit in 64 bits");
        }
        throw new IllegalArgumentException(keyword + " = " + (v instanceof String ? "'" + v + "'" : String.valueOf(v))
                + " is not an integer");
    }
}
