package io.astrocloud.bench;

import java.util.Locale;

/** How numbers read in the report's tables: sizes in decimal units, times in ms or s, ratios. */
final class Cells {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Cells() {
    }

    /** A size for people: 44.0 GB, 76.9 kB, 512 B. */
    static String size(long bytes) {
        double v = bytes;
        int unit = 0;
        for (; v >= 1000 && unit < UNITS.length - 1; unit++) {
            v /= 1000;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** A count with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A time: milliseconds below ten seconds, seconds above. */
    static String time(double seconds) {
        return seconds < 10 ? String.format(Locale.ROOT, "%,.0f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%,.1f s", seconds);
    }

    /** A ratio to three significant places. */
    static String ratio(double r) {
        return r >= 100 ? String.format(Locale.ROOT, "%,.0f", r) : String.format(Locale.ROOT, "%.3g", r);
    }

    /** A factor, such as "370x". */
    static String times(double r) {
        return (r >= 10 ? String.format(Locale.ROOT, "%,.0f", r) : String.format(Locale.ROOT, "%.1f", r)) + "x";
    }

    /** Any number formatted without the platform's locale. */
    static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
