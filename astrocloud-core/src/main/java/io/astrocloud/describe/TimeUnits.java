package io.astrocloud.describe;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units of time as FITS headers write them: TIMEUNIT values of the FITS time paper (Rots et al.
 * 2015: s, d, a, cy, min, h, yr; a year being the Julian year of 365.25 days) and the
 * {@code [unit]} that FITS 4.0 §4.3.2 recommends at the start of a comment.
 */
final class TimeUnits {
    private static final Map<String, Double> SECONDS = Map.ofEntries(
            Map.entry("s", 1.0), Map.entry("sec", 1.0), Map.entry("second", 1.0), Map.entry("seconds", 1.0),
            Map.entry("ms", 1e-3), Map.entry("min", 60.0), Map.entry("h", 3600.0), Map.entry("hr", 3600.0),
            Map.entry("hour", 3600.0), Map.entry("hours", 3600.0), Map.entry("d", 86400.0),
            Map.entry("day", 86400.0), Map.entry("days", 86400.0), Map.entry("a", 365.25 * 86400),
            Map.entry("yr", 365.25 * 86400), Map.entry("cy", 36525.0 * 86400));
    private static final Pattern COMMENT_UNIT = Pattern.compile("^\\s*\\[\\s*([^\\]]*?)\\s*\\]");

    private TimeUnits() {
    }

    /** Seconds in one {@code unit}, or null when it is not a unit of time read here. */
    static Double seconds(String unit) {
        return SECONDS.get(unit.strip().toLowerCase(Locale.ROOT));
    }

    /** The time unit a comment starts with ({@code [d] time on source}), in seconds, or null. */
    static Double fromComment(String comment) {
        Matcher m = COMMENT_UNIT.matcher(comment);
        return m.find() ? seconds(m.group(1)) : null;
    }
}
