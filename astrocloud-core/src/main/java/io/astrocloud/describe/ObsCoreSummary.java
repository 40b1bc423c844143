package io.astrocloud.describe;

import static io.astrocloud.describe.ObsCoreColumn.DATAPRODUCT_TYPE;
import static io.astrocloud.describe.ObsCoreColumn.EM_XEL;
import static io.astrocloud.describe.ObsCoreColumn.FACILITY_NAME;
import static io.astrocloud.describe.ObsCoreColumn.INSTRUMENT_NAME;
import static io.astrocloud.describe.ObsCoreColumn.S_DEC;
import static io.astrocloud.describe.ObsCoreColumn.S_FOV;
import static io.astrocloud.describe.ObsCoreColumn.S_RA;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL1;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL2;
import static io.astrocloud.describe.ObsCoreColumn.TARGET_NAME;
import static io.astrocloud.describe.ObsCoreColumn.T_EXPTIME;
import static io.astrocloud.describe.ObsCoreColumn.T_MAX;
import static io.astrocloud.describe.ObsCoreColumn.T_MIN;
import static io.astrocloud.describe.ObsCoreColumn.T_SCALE;
import static io.astrocloud.describe.ObsCoreColumn.T_XEL;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link ObsCore} row as one line of text, for people: product type and size, centre and
 * field, time span, exposure, facility and target, e.g.
 * {@code image 2136x2078, centre 278.7383 +35.7767, field 17.25 deg, 2019-07-18T20:32:31 .. +1800 s TDB,
 * exposure 1425 s, TESS/TESS Photometer}. A missing part says so in a word ({@code no sky position});
 * the reasons are in {@link ObsCore#why}.
 */
public final class ObsCoreSummary {
    private static final long MJD_EPOCH_DAY = LocalDate.of(1858, 11, 17).toEpochDay();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Set<String> SPECTRAL_TYPES = Set.of("cube", "spectrum");
    private static final Set<String> TIME_TYPES = Set.of("cube", "timeseries");

    private ObsCoreSummary() {
    }

    /** The row as one line. */
    public static String line(ObsCore obs) {
        List<String> parts = new ArrayList<>();
        parts.add(product(obs));
        parts.add(sky(obs));
        parts.add(time(obs));
        obs.real(T_EXPTIME).ifPresent(s -> parts.add("exposure " + seconds(s)));
        String who = List.of(obs.string(FACILITY_NAME), obs.string(INSTRUMENT_NAME)).stream()
                .flatMap(Optional::stream).collect(Collectors.joining("/"));
        if (!who.isEmpty()) {
            parts.add(who);
        }
        obs.string(TARGET_NAME).ifPresent(t -> parts.add("target " + t));
        return String.join(", ", parts);
    }

    private static String product(ObsCore obs) {
        String type = obs.string(DATAPRODUCT_TYPE).orElse(null);
        List<String> dims = new ArrayList<>();
        for (ObsCoreColumn c : List.of(S_XEL1, S_XEL2)) {
            obs.integer(c).ifPresent(n -> dims.add(Long.toString(n)));
        }
        OptionalLong em = obs.integer(EM_XEL);
        if (em.isPresent() && (type == null || SPECTRAL_TYPES.contains(type))) {
            dims.add(Long.toString(em.getAsLong()));
        }
        OptionalLong t = obs.integer(T_XEL);
        if (t.isPresent() && (type == null || TIME_TYPES.contains(type))) {
            dims.add(Long.toString(t.getAsLong()));
        }
        String size = String.join("x", dims);
        if (type == null) {
            return "no product type" + (size.isEmpty() ? "" : " (" + size + " pixels)");
        }
        return size.isEmpty() ? type : type + " " + size;
    }

    private static String sky(ObsCore obs) {
        OptionalDouble ra = obs.real(S_RA);
        OptionalDouble dec = obs.real(S_DEC);
        if (ra.isEmpty() || dec.isEmpty()) {
            return "no sky position";
        }
        String centre = String.format(Locale.ROOT, "centre %.4f %+.4f", ra.getAsDouble(), dec.getAsDouble());
        OptionalDouble fov = obs.real(S_FOV);
        return fov.isPresent() ? centre + ", field " + angle(fov.getAsDouble()) : centre;
    }

    private static String time(ObsCore obs) {
        OptionalDouble start = obs.real(T_MIN);
        if (start.isEmpty()) {
            return "no time";
        }
        StringBuilder s = new StringBuilder(date(start.getAsDouble()));
        OptionalDouble stop = obs.real(T_MAX);
        if (stop.isPresent() && stop.getAsDouble() > start.getAsDouble()) {
            s.append(" .. +").append(seconds((stop.getAsDouble() - start.getAsDouble()) * 86400.0));
        }
        obs.string(T_SCALE).filter(scale -> !scale.equals("UTC")).ifPresent(scale -> s.append(' ').append(scale));
        return s.toString();
    }

    /** An MJD as a calendar date and time to the second, in the row's own time scale (days of 86,400 s). */
    static String date(double mjd) {
        double day = Math.floor(mjd);
        long second = Math.round((mjd - day) * 86400.0);
        return ISO.format(LocalDateTime.of(LocalDate.ofEpochDay((long) day + MJD_EPOCH_DAY), LocalTime.MIDNIGHT)
                .plusSeconds(second));
    }

    /** A duration: seconds up to two days, else days. */
    static String seconds(double s) {
        if (s >= 2 * 86400.0) {
            return String.format(Locale.ROOT, "%.2f d", s / 86400.0);
        }
        if (s >= 100) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        String text = String.format(Locale.ROOT, s >= 1 ? "%.1f" : "%.3f", s);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " s";
    }

    /** An angle in degrees, arcminutes or arcseconds, whichever reads best. */
    static String angle(double degrees) {
        if (degrees >= 0.1) {
            return String.format(Locale.ROOT, "%.2f deg", degrees);
        }
        if (degrees >= 1.0 / 60.0) {
            return String.format(Locale.ROOT, "%.1f arcmin", degrees * 60.0);
        }
        return String.format(Locale.ROOT, "%.1f arcsec", degrees * 3600.0);
    }
}
