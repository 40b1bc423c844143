package io.astrocloud.describe;

import static io.astrocloud.describe.CardValues.number;
import static io.astrocloud.describe.ObsCoreColumn.T_EXPTIME;
import static io.astrocloud.describe.ObsCoreColumn.T_MAX;
import static io.astrocloud.describe.ObsCoreColumn.T_MIN;
import static io.astrocloud.describe.ObsCoreColumn.T_RESOLUTION;
import static io.astrocloud.describe.ObsCoreColumn.T_SCALE;

import io.astrocloud.describe.HduKeywords.Found;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code t_min}, {@code t_max} (MJD), {@code t_exptime}, {@code t_resolution} (s) and
 * {@code t_scale} from the time keywords archives write. The rules (documented for users in the
 * package description):
 * <ul>
 * <li>Start: the first usable of MJD-BEG, DATE-BEG, TSTART (or TSTARTI + TSTARTF) with its
 *     reference time, EXPSTART (HST), DATE-OBS (+ TIME-OBS when DATE-OBS is a date alone),
 *     MJD-OBS. Keywords that say "start" come before DATE-OBS, whose meaning varies between
 *     archives, and DATE-OBS before MJD-OBS, which many writers round (a corpus file has
 *     MJD-OBS 1m52s after its DATE-OBS).</li>
 * <li>Stop: the same family's stop (MJD-END, DATE-END (+ TIME-END), TSTOP, EXPEND); else the
 *     first usable of those; else start + TELAPSE; else start + the exposure.</li>
 * <li>Exposure: XPOSURE (FITS time paper), then EXPOSURE (OGIP: the exposure after dead time
 *     and good-time selection), then EXPTIME (the usual optical keyword, which Chandra uses for
 *     the 3.1 s frame time while EXPOSURE holds the observation's). TELAPSE is elapsed time, not
 *     exposure. A duration's unit is the {@code [unit]} its comment starts with, else TIMEUNIT
 *     (default s) for XPOSURE, EXPOSURE, TELAPSE and TIMEDEL, and seconds for EXPTIME.</li>
 * <li>Relative times (TSTART, TSTOP) need a reference: MJDREFI + MJDREFF, MJDREF, JDREFI +
 *     JDREFF, JDREF, BJDREFI + BJDREFF (Kepler, TESS), DATEREF, in that order (the FITS time
 *     paper's precedence, with the Kepler keywords after the standard ones). Without one they are
 *     not used (the standard would assume MJD 0, which dates spacecraft clocks to 1858). They are
 *     not used either when TIMEZERO or TIMEOFFS is non-zero (conventions differ on whether it
 *     applies to TSTART) or when TIMESYS is not a time scale (headers that write a reference
 *     epoch there, such as '1979.00' or 'MJD').</li>
 * <li>Scale: the values stay in the header's time scale, TIMESYS (FITS default UTC), which
 *     {@code t_scale} records (TDT and ET as TT, IAT as TAI, GMT as UTC); nothing is converted,
 *     since barycentric times (TESS, Kepler) could only become UTC with the target's position
 *     and the observatory's orbit.</li>
 * <li>A stop before the start leaves both absent: the header contradicts itself.</li>
 * </ul>
 */
final class TimeColumns {
    private static final Set<String> SCALES = Set.of("UTC", "TT", "TAI", "TDB", "TCG", "TCB", "GPS", "UT1", "UT",
            "LOCAL");
    private static final Map<String, String> DEPRECATED_SCALES = Map.of("TDT", "TT", "ET", "TT", "IAT", "TAI",
            "GMT", "UTC");

    private final HduKeywords keys;
    private final TimeReference reference;
    private final List<String> notes = new ArrayList<>();
    private String scale;
    private String scaleWhy;

    private TimeColumns(HduKeywords keys) {
        this.keys = keys;
        this.reference = new TimeReference(keys);
    }

    /** A time, the keywords it came from, and whether it is a date alone (read as 00:00). */
    private record Moment(double mjd, String source, boolean dateAlone) {
        Moment(double mjd, String source) {
            this(mjd, source, false);
        }
    }

    /** Fills the time columns of {@code row}. */
    static void describe(HduKeywords keys, Row row) {
        new TimeColumns(keys).fill(row);
    }

    private void fill(Row row) {
        readScale();
        Exposure exposure = exposure();
        if (exposure.seconds != null) {
            row.put(T_EXPTIME, exposure.seconds);
        } else {
            row.absent(T_EXPTIME, exposure.why);
        }
        Double resolution = duration("TIMEDEL", true);
        if (resolution != null) {
            row.put(T_RESOLUTION, resolution);
        } else {
            row.absent(T_RESOLUTION, keys.ownValue("TIMEDEL") == null ? "no TIMEDEL in this header"
                    : "TIMEDEL = " + keys.ownValue("TIMEDEL") + " is not a duration read here");
        }
        Moment[] interval = interval(exposure);
        Moment start = interval[0];
        Moment stop = interval[1];
        String noTime = "none of MJD-BEG, DATE-BEG, TSTART, EXPSTART, DATE-OBS, MJD-OBS in this header"
                + (keys.inheritance() == HduKeywords.Inheritance.INHERITS ? " or the primary header" : "")
                + notes();
        if (start != null && stop != null && stop.mjd < start.mjd) {
            String contradiction = "the header contradicts itself: the stop (" + stop.source + ", MJD " + stop.mjd
                    + ") is before the start (" + start.source + ", MJD " + start.mjd + ")";
            row.absent(T_MIN, contradiction);
            row.absent(T_MAX, contradiction);
            row.absent(T_SCALE, "no t_min or t_max");
            return;
        }
        if (start != null) {
            row.put(T_MIN, start.mjd);
        } else {
            row.absent(T_MIN, noTime);
        }
        if (stop != null) {
            row.put(T_MAX, stop.mjd);
        } else {
            row.absent(T_MAX, start == null ? noTime
                    : "no MJD-END, DATE-END, TSTOP, EXPEND, TELAPSE or exposure" + notes());
        }
        if (start == null) {
            row.absent(T_SCALE, "no t_min or t_max");
        } else if (scale != null) {
            row.put(T_SCALE, scale);
        } else {
            row.absent(T_SCALE, scaleWhy);
        }
    }

    /** The start (first usable family) and the stop (its family's, else the first usable, else a duration). */
    private Moment[] interval(Exposure exposure) {
        String[][] families = {{"MJD-BEG", "MJD-END"}, {"DATE-BEG", "DATE-END"}, {"TSTART", "TSTOP"},
                {"EXPSTART", "EXPEND"}, {"DATE-OBS", "DATE-END"}, {"MJD-OBS", "MJD-END"}};
        for (String[] f : families) {
            Moment start = moment(f[0]);
            if (start != null) {
                Moment stop = moment(f[1]);
                for (String end : new String[] {"MJD-END", "DATE-END", "TSTOP", "EXPEND"}) {
                    stop = stop != null ? stop : moment(end);
                }
                return new Moment[] {start, stop != null ? stop : startPlusDuration(start, exposure)};
            }
        }
        return new Moment[] {null, null};
    }

    /** start + TELAPSE, else start + exposure; none from a date alone, whose time of day is unknown. */
    private Moment startPlusDuration(Moment start, Exposure exposure) {
        Double elapsed = duration("TELAPSE", true);
        if (elapsed == null && exposure.seconds == null) {
            return null;
        }
        if (start.dateAlone) {
            note("no stop is computed from " + start.source + ", a date without a time of day");
            return null;
        }
        return elapsed != null ? new Moment(start.mjd + elapsed / 86400, start.source + " + TELAPSE")
                : new Moment(start.mjd + exposure.seconds / 86400, start.source + " + " + exposure.keyword);
    }

    private String notes() {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    private void readScale() {
        Optional<Found> timesys = keys.find("TIMESYS");
        if (timesys.isEmpty()) {
            scale = "UTC";
            return;
        }
        String raw = String.valueOf(timesys.get().value()).strip().toUpperCase(Locale.ROOT);
        String normal = DEPRECATED_SCALES.getOrDefault(raw, raw);
        if (SCALES.contains(normal)) {
            scale = normal;
        } else {
            scaleWhy = timesys.get().describe("TIMESYS") + " is not a FITS time scale";
        }
    }

    /** The time a start or stop keyword gives, or null (with a note when it is present but unusable). */
    private Moment moment(String keyword) {
        switch (keyword) {
            case "MJD-BEG":
            case "MJD-END":
            case "MJD-OBS":
            case "EXPSTART":
            case "EXPEND":
                return mjd(keyword);
            case "DATE-BEG":
                return date(keyword, null);
            case "DATE-OBS":
                return date(keyword, "TIME-OBS");
            case "DATE-END":
                return date(keyword, "TIME-END");
            default:
                return relative(keyword);
        }
    }

    private Moment mjd(String keyword) {
        Optional<Found> f = keys.find(keyword);
        if (f.isEmpty()) {
            return null;
        }
        Double v = number(f.get().value());
        if (v == null) {
            note(f.get().describe(keyword) + " is not a number");
            return null;
        }
        return new Moment(v, keyword);
    }

    private Moment date(String keyword, String timeKeyword) {
        Optional<Found> f = keys.find(keyword);
        if (f.isEmpty()) {
            return null;
        }
        FitsDates.Date d = f.get().value() instanceof String ? FitsDates.parse((String) f.get().value()) : null;
        if (d == null) {
            note(f.get().describe(keyword) + " is not a FITS date (YYYY-MM-DD[Thh:mm:ss[.s]] or DD/MM/YY)");
            return null;
        }
        Optional<Found> time = timeKeyword == null || d.hasTime() ? Optional.empty() : keys.find(timeKeyword);
        if (time.isEmpty()) {
            return new Moment(d.mjd(), keyword, !d.hasTime());
        }
        Double fraction = time.get().value() instanceof String ? FitsDates.timeOfDay((String) time.get().value()) : null;
        if (fraction == null) {
            note(time.get().describe(timeKeyword) + " is not a time of day (hh:mm:ss[.s])");
            return null;
        }
        return new Moment(d.mjd() + fraction, keyword + " + " + timeKeyword);
    }

    /** TSTART or TSTOP (or its I and F parts) after the reference time, in TIMEUNIT. */
    private Moment relative(String keyword) {
        Optional<Found> whole = keys.find(keyword);
        Optional<Found> integer = keys.find(keyword + "I");
        if (whole.isEmpty() && integer.isEmpty()) {
            return null;
        }
        Double value = whole.isPresent() ? number(whole.get().value())
                : sum(integer.get().value(), keys.find(keyword + "F").map(Found::value).orElse(0L));
        String source = whole.isPresent() ? keyword : keyword + "I + " + keyword + "F";
        if (value == null) {
            note(source + " is not a number");
            return null;
        }
        String refused = relativeTimesRefused();
        if (refused != null) {
            note(source + " not used: " + refused);
            return null;
        }
        TimeReference.Reference ref = reference.mjd();
        if (ref == null) {
            note(source + " not used: no reference time (MJDREF, MJDREFI + MJDREFF, JDREF, JDREFI + JDREFF, "
                    + "BJDREFI + BJDREFF, DATEREF)");
            return null;
        }
        Double unit = reference.unitSeconds();
        if (unit == null) {
            note(source + " not used: " + keys.find("TIMEUNIT").get().describe("TIMEUNIT")
                    + " is not a unit of time");
            return null;
        }
        return new Moment(ref.mjd() + value * unit / 86400, source + " after " + ref.source());
    }

    private String relativeTimesRefused() {
        if (scale == null) {
            return scaleWhy;
        }
        for (String k : new String[] {"TIMEZERO", "TIMEOFFS"}) {
            Optional<Found> f = keys.find(k);
            if (f.isPresent() && !Double.valueOf(0).equals(number(f.get().value()))) {
                return f.get().describe(k) + " (conventions differ on whether it applies to TSTART and TSTOP)";
            }
        }
        return null;
    }

    private record Exposure(Double seconds, String keyword, String why) {
    }

    private Exposure exposure() {
        for (String k : new String[] {"XPOSURE", "EXPOSURE", "EXPTIME"}) {
            Double s = duration(k, !k.equals("EXPTIME"));
            if (s != null) {
                return new Exposure(s, k, null);
            }
        }
        String why = keys.missing("XPOSURE", "EXPOSURE", "EXPTIME");
        if (keys.find("TELAPSE").isPresent()) {
            why += "; TELAPSE is elapsed time, not exposure";
        }
        return new Exposure(null, null, why + notes());
    }

    /**
     * A non-negative duration in seconds: the unit the comment starts with, else TIMEUNIT
     * ({@code inTimeUnit}) or seconds. Null, with a note, when present but unusable.
     */
    private Double duration(String keyword, boolean inTimeUnit) {
        Optional<Found> f = keys.find(keyword);
        if (f.isEmpty()) {
            return null;
        }
        Double v = number(f.get().value());
        if (v == null || v < 0) {
            note(f.get().describe(keyword) + " is not a duration");
            return null;
        }
        Double unit = TimeUnits.fromComment(f.get().card().comment());
        if (unit == null) {
            unit = inTimeUnit ? reference.unitSeconds() : Double.valueOf(1.0);
        }
        if (unit == null) {
            note(keyword + " not used: " + keys.find("TIMEUNIT").get().describe("TIMEUNIT") + " is not a unit of time");
            return null;
        }
        return v * unit;
    }

    private void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    private static Double sum(Object a, Object b) {
        Double x = number(a);
        Double y = number(b);
        return x == null || y == null ? null : x + y;
    }
}
