package io.astrocloud.describe;

import static io.astrocloud.describe.CardValues.number;
import static io.astrocloud.describe.ObsCoreColumn.EM_MAX;
import static io.astrocloud.describe.ObsCoreColumn.EM_MIN;
import static io.astrocloud.describe.ObsCoreColumn.EM_RES_POWER;

import io.astrocloud.describe.HduKeywords.Found;
import io.astrocloud.fits.Card;
import io.astrocloud.describe.ProductType.Axis;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code em_min}, {@code em_max} (vacuum wavelength, metres) and {@code em_res_power}.
 * <ul>
 * <li>From a linear spectral axis (WCS paper III: WAVE, AWAV, FREQ, ENER, WAVN without an
 *     algorithm code), evaluated at the outer pixel edges 0.5 and NAXISn + 0.5 with CRPIXn,
 *     CRVALn and CDn_n, or PCn_n × CDELTn (the axis must not be rotated into the others), in
 *     CUNITn (paper III defaults m, Hz, J, 1/m); frequency, energy and wavenumber become
 *     wavelength as λ = c/ν, hc/E, 1/σ (exact SI constants); air wavelength becomes vacuum
 *     wavelength with the IAU standard refractive index of air (Edlén 1953), as wcslib does.</li>
 * <li>Else from WAVELMIN and WAVELMAX in nm, which the ESO Science Data Products standard
 *     (ESO-044286) puts in the primary header of every Phase 3 product.</li>
 * <li>Velocity and redshift axes (VRAD, VOPT, ZOPT, VELO, BETA, FELO) would need the rest
 *     frequency, and non-linear axes (-F2W, -LOG, -TAB, ...) their own algorithm: not evaluated.</li>
 * <li>em_res_power from SPEC_RES (ESO Science Data Products: the reference resolving power).</li>
 * </ul>
 */
final class SpectralRange {
    private static final double C = 299_792_458.0;
    private static final double H = 6.626_070_15e-34;
    private static final double EV = 1.602_176_634e-19;
    private static final Map<String, Double> PREFIX = Map.ofEntries(Map.entry("y", 1e-24), Map.entry("z", 1e-21),
            Map.entry("a", 1e-18), Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9),
            Map.entry("u", 1e-6), Map.entry("m", 1e-3), Map.entry("c", 1e-2), Map.entry("d", 1e-1),
            Map.entry("", 1.0), Map.entry("da", 1e1), Map.entry("h", 1e2), Map.entry("k", 1e3), Map.entry("M", 1e6),
            Map.entry("G", 1e9), Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18));

    private SpectralRange() {
    }

    static void describe(HduKeywords keys, List<Axis> axes, Row row) {
        Optional<Axis> spectral = axes.stream().filter(a -> a.type() == AxisType.SPECTRAL).findFirst();
        String why = spectral.isPresent() ? fromAxis(keys, spectral.get(), row) : "no spectral axis";
        if (why != null) {
            String eso = fromKeywords(keys, row);
            if (eso != null) {
                row.absent(EM_MIN, why + "; " + eso);
                row.absent(EM_MAX, why + "; " + eso);
            }
        }
        Optional<Found> res = keys.find("SPEC_RES");
        if (res.isPresent() && res.get().value() instanceof Number && ((Number) res.get().value()).doubleValue() > 0) {
            row.put(EM_RES_POWER, ((Number) res.get().value()).doubleValue());
        } else {
            row.absent(EM_RES_POWER, res.isPresent() ? res.get().describe("SPEC_RES") + " is not a resolving power"
                    : "no SPEC_RES");
        }
    }

    /** Fills em_min and em_max from the axis, or returns why not. */
    private static String fromAxis(HduKeywords keys, Axis axis, Row row) {
        int i = axis.number();
        String type = AxisType.coordinateType(axis.ctype());
        String where = "CTYPE" + i + " = '" + axis.ctype().strip() + "'";
        if (!LINEAR_TYPES.containsKey(type)) {
            return where + " is a velocity or redshift axis: wavelengths would need the rest frequency";
        }
        if (!AxisType.algorithm(axis.ctype()).isEmpty()) {
            return where + " is not linear: its algorithm is not evaluated";
        }
        boolean cd = keys.own().stream().anyMatch(c -> c.keyword().matches("CD\\d+_\\d+"));
        String row0 = (cd ? "CD" : "PC") + i + "_";
        for (Card c : keys.own()) {
            if (c.keyword().startsWith(row0) && !c.keyword().equals(row0 + i) && number(c.value(), 0) != 0) {
                return where + " is rotated into another axis (" + c.keyword() + ")";
            }
        }
        double step = cd ? number(keys.ownValue("CD" + i + "_" + i), 0)
                : number(keys.ownValue("PC" + i + "_" + i), 1) * number(keys.ownValue("CDELT" + i), 1);
        double crpix = number(keys.ownValue("CRPIX" + i), 0);
        double crval = number(keys.ownValue("CRVAL" + i), 0);
        Object cunit = keys.ownValue("CUNIT" + i);
        String unit = cunit instanceof String ? ((String) cunit).strip() : defaultUnit(type);
        Double scale = scale(type, unit);
        if (scale == null) {
            return "CUNIT" + i + " = '" + unit + "' is not a unit of " + quantity(type) + " read here";
        }
        double a = toVacuumWavelength(type, (crval + step * (0.5 - crpix)) * scale);
        double b = toVacuumWavelength(type, (crval + step * (axis.length() + 0.5 - crpix)) * scale);
        if (!(a > 0 && b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return where + " reaches a non-positive " + quantity(type) + " at its edges";
        }
        row.put(EM_MIN, Math.min(a, b));
        row.put(EM_MAX, Math.max(a, b));
        return null;
    }

    private static String fromKeywords(HduKeywords keys, Row row) {
        Optional<Found> min = keys.find("WAVELMIN");
        Optional<Found> max = keys.find("WAVELMAX");
        if (min.isEmpty() && max.isEmpty()) {
            return "no WAVELMIN and WAVELMAX";
        }
        double lo = min.map(f -> number(f.value(), Double.NaN)).orElse(Double.NaN);
        double hi = max.map(f -> number(f.value(), Double.NaN)).orElse(Double.NaN);
        if (!(lo > 0 && hi >= lo)) {
            return "WAVELMIN and WAVELMAX (" + min.map(f -> f.describe("WAVELMIN")).orElse("none") + ", "
                    + max.map(f -> f.describe("WAVELMAX")).orElse("none") + ") are not a wavelength range in nm";
        }
        row.put(EM_MIN, lo * 1e-9);
        row.put(EM_MAX, hi * 1e-9);
        return null;
    }

    /** Paper III's default unit (CUNITn absent) and the quantity measured, by linear spectral type. */
    private static final Map<String, String[]> LINEAR_TYPES = Map.of("WAVE", new String[] {"m", "length"},
            "AWAV", new String[] {"m", "length"}, "FREQ", new String[] {"Hz", "frequency"},
            "ENER", new String[] {"J", "energy"}, "WAVN", new String[] {"/m", "wavenumber"});

    private static String defaultUnit(String type) {
        return LINEAR_TYPES.get(type)[0];
    }

    private static String quantity(String type) {
        return LINEAR_TYPES.get(type)[1];
    }

    /** SI value of one {@code unit}: metres, Hz, J or 1/m by type; null when not understood. */
    static Double scale(String type, String unit) {
        switch (type) {
            case "FREQ":
                return prefixed(unit, "Hz");
            case "ENER": {
                Double j = prefixed(unit, "J");
                if (j != null) {
                    return j;
                }
                Double ev = prefixed(unit, "eV");
                if (ev != null) {
                    return ev * EV;
                }
                Double erg = prefixed(unit, "erg");
                return erg == null ? null : erg * 1e-7;
            }
            case "WAVN": {
                String u = unit.replace(" ", "");
                for (String form : new String[] {"1/", "/"}) {
                    if (u.startsWith(form)) {
                        Double l = length(u.substring(form.length()));
                        return l == null ? null : 1 / l;
                    }
                }
                for (String form : new String[] {"**-1", "^-1", "^(-1)", "-1"}) {
                    if (u.endsWith(form)) {
                        Double l = length(u.substring(0, u.length() - form.length()));
                        return l == null ? null : 1 / l;
                    }
                }
                return null;
            }
            default:
                return length(unit);
        }
    }

    private static Double length(String unit) {
        if (unit.equals("Angstrom") || unit.equals("angstrom")) {
            return 1e-10;
        }
        return prefixed(unit, "m");
    }

    private static Double prefixed(String unit, String base) {
        return unit.endsWith(base) ? PREFIX.get(unit.substring(0, unit.length() - base.length())) : null;
    }

    /** A spectral value in SI units as vacuum wavelength in metres. */
    private static double toVacuumWavelength(String type, double v) {
        switch (type) {
            case "FREQ":
                return C / v;
            case "ENER":
                return H * C / v;
            case "WAVN":
                return 1 / v;
            case "AWAV":
                return airToVacuum(v);
            default:
                return v;
        }
    }

    /**
     * Air to vacuum wavelength with the refractive index of standard air that the IAU adopted
     * (Edlén 1953, as Morton 1991 gives it; wcslib, the FITS WCS reference library, uses it too),
     * evaluated at the air wavenumber σ in µm⁻¹.
     */
    private static double airToVacuum(double air) {
        double sigma2 = 1 / Math.pow(air * 1e6, 2);
        return air * (1 + 6.4328e-5 + 2.94981e-2 / (146 - sigma2) + 2.5540e-4 / (41 - sigma2));
    }
}
