package io.astrocloud.cli;

import java.util.Locale;

/** Byte counts for people: 44.0 GB, 72.0 kB, 512 B (decimal units, as storage bills them). */
public final class ByteCount {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private ByteCount() {
    }

    /** {@code bytes} in the largest unit that keeps it at 1 or more, one decimal; "unknown" when negative. */
    public static String human(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }

    /** {@code n} with thousands separators: 72,000. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
