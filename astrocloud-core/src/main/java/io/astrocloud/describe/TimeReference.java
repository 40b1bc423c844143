package io.astrocloud.describe;

import static io.astrocloud.describe.CardValues.number;

import io.astrocloud.describe.HduKeywords.Found;
import java.util.Optional;

/**
 * What relative times (TSTART, TSTOP) count from and in: the reference time, in this order of
 * precedence (FITS time paper, Rots et al. 2015, with the Kepler and TESS keywords after the
 * standard ones): MJDREFI + MJDREFF, MJDREF, JDREFI + JDREFF, JDREF, BJDREFI + BJDREFF, DATEREF
 * (an integer and fraction pair wins over the single value when both parts are given); and
 * TIMEUNIT, default seconds.
 */
final class TimeReference {
    private static final double JD_TO_MJD = 2400000.5;
    private final HduKeywords keys;

    TimeReference(HduKeywords keys) {
        this.keys = keys;
    }

    /** A reference time and the keywords it came from. */
    record Reference(double mjd, String source) {
    }

    /** The reference time as an MJD, or null when the header gives none. */
    Reference mjd() {
        Reference r = pair("MJDREF", 0);
        if (r == null) {
            r = pair("JDREF", JD_TO_MJD);
        }
        if (r == null) {
            r = pair("BJDREF", JD_TO_MJD);
        }
        if (r == null) {
            Optional<Found> dateref = keys.find("DATEREF");
            FitsDates.Date d = dateref.filter(f -> f.value() instanceof String)
                    .map(f -> FitsDates.parse((String) f.value())).orElse(null);
            r = d == null ? null : new Reference(d.mjd(), "DATEREF");
        }
        return r;
    }

    /** NAME{I,F} when both parts are given, else NAME, else one part alone; in MJD. */
    private Reference pair(String name, double jdOffset) {
        Double i = keys.find(name + "I").map(f -> number(f.value())).orElse(null);
        Double f = keys.find(name + "F").map(v -> number(v.value())).orElse(null);
        Double single = keys.find(name).map(v -> number(v.value())).orElse(null);
        if (i != null && f != null) {
            return new Reference(i + f - jdOffset, name + "I + " + name + "F");
        }
        if (single != null) {
            return new Reference(single - jdOffset, name);
        }
        if (i != null || f != null) {
            return new Reference((i == null ? 0 : i) + (f == null ? 0 : f) - jdOffset, i != null ? name + "I" : name + "F");
        }
        return null;
    }

    /** Seconds in one TIMEUNIT (default s), or null when TIMEUNIT is not a unit of time read here. */
    Double unitSeconds() {
        Optional<Found> unit = keys.find("TIMEUNIT");
        return unit.isEmpty() ? Double.valueOf(1.0) : TimeUnits.seconds(String.valueOf(unit.get().value()));
    }
}
