package io.astrocloud.describe;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FITS date strings as Modified Julian Dates, in whatever time scale they are written in (FITS 4.0
 * §4.4.2.1 and §9.1.1): {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mm:ss[.s...]}, and the old
 * {@code DD/MM/YY}, which the standard reserves for 1900 to 1999 (year 19YY); a time of day
 * {@code hh:mm:ss[.s...]} as written in TIME-OBS and TIME-END. A day counts 86,400 seconds,
 * which is the definition of MJD in every scale but UTC; on the 27 UTC days that end with a leap
 * second, ERFA (and so astropy) divides by 86,401 instead, a difference of at most one second
 * that this accepts rather than keeping a leap-second table by hand.
 */
final class FitsDates {
    /** MJD 0 is 1858-11-17. */
    private static final long MJD_EPOCH_DAY = LocalDate.of(1858, 11, 17).toEpochDay();
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d*)?))?");
    private static final Pattern OLD = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d*)?)");

    private FitsDates() {
    }

    /** A parsed date: its MJD, and whether it had a time of day. */
    record Date(double mjd, boolean hasTime) {
    }

    /**
     * The date, or null when it is not a FITS date (a trailing {@code Z} is allowed, as some
     * writers add it).
     */
    static Date parse(String text) {
        String s = text.strip();
        if (s.endsWith("Z")) {
            s = s.substring(0, s.length() - 1);
        }
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            Double day = day(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            if (day == null) {
                return null;
            }
            if (iso.group(4) == null) {
                return new Date(day, false);
            }
            Double time = dayFraction(iso.group(4), iso.group(5), iso.group(6));
            return time == null ? null : new Date(day + time, true);
        }
        Matcher old = OLD.matcher(s);
        if (old.matches()) {
            Double day = day(1900 + Integer.parseInt(old.group(3)), Integer.parseInt(old.group(2)),
                    Integer.parseInt(old.group(1)));
            return day == null ? null : new Date(day, false);
        }
        return null;
    }

    /** A time of day {@code hh:mm:ss[.s]} as a fraction of a day, or null. */
    static Double timeOfDay(String text) {
        Matcher m = TIME.matcher(text.strip());
        return m.matches() ? dayFraction(m.group(1), m.group(2), m.group(3)) : null;
    }

    private static Double day(int year, int month, int day) {
        try {
            return (double) (LocalDate.of(year, month, day).toEpochDay() - MJD_EPOCH_DAY);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Double dayFraction(String h, String m, String s) {
        int hours = Integer.parseInt(h);
        int minutes = Integer.parseInt(m);
        double seconds = Double.parseDouble(s);
        if (hours > 23 || minutes > 59 || seconds >= 61) {
            return null;
        }
        return (hours * 3600 + minutes * 60 + seconds) / 86400.0;
    }
}
