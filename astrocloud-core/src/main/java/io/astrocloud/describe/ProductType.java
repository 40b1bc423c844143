package io.astrocloud.describe;

import static io.astrocloud.describe.CardValues.number;
import static io.astrocloud.describe.ObsCoreColumn.DATAPRODUCT_TYPE;
import static io.astrocloud.describe.ObsCoreColumn.EM_XEL;
import static io.astrocloud.describe.ObsCoreColumn.POL_STATES;
import static io.astrocloud.describe.ObsCoreColumn.POL_XEL;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL1;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL2;
import static io.astrocloud.describe.ObsCoreColumn.T_XEL;

import io.astrocloud.fits.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code dataproduct_type} and the element counts ({@code s_xel1}, {@code s_xel2}, {@code t_xel},
 * {@code em_xel}, {@code pol_xel}) from the HDU's structure and axis types. The rules:
 * <ul>
 * <li>Random groups (GROUPS = T, NAXIS1 = 0): visibility; em_xel and pol_xel from the FREQ and
 *     STOKES axes.</li>
 * <li>An image (primary array, IMAGE extension, or tile-compressed image through its image view)
 *     with NAXIS = 0 or an axis of length 0 has no data, hence no product type. Otherwise axes of
 *     length 1 are left out of the type (they still count for the _xel columns), and: an axis of
 *     an unknown CTYPE leaves it absent; a spectral axis with two or more spatial axes is a cube,
 *     with at most one a spectrum (a long-slit spectrum has one); a time axis with two or more
 *     spatial axes is a cube, alone a timeseries; three or more spatial axes are a cube, two an
 *     image. Axes without a stated type (no CTYPE, PIXEL, LINEAR) count as spatial.</li>
 * <li>A table: event when HDUCLAS1 = EVENTS (OGIP), or EXTNAME = EVENTS with a TIME column
 *     (ROSAT, Chandra); timeseries when HDUCLAS1 = LIGHTCURVE, or EXTNAME = LIGHTCURVE (Kepler,
 *     TESS) or RATE (OGIP light curves) with a TIME column, t_xel being its rows; spectrum when
 *     HDUCLAS1 = SPECTRUM (OGIP PHA); visibility with UU and VV columns (AIPS UV tables,
 *     FITS-IDI UV_DATA). Any other table's kind is not stated by its header: absent.
 *     "measurements" is never derived: no header keyword says a table is one.</li>
 * </ul>
 */
final class ProductType {
    /** One image axis. */
    record Axis(int number, long length, String ctype, AxisType type) {
    }

    private ProductType() {
    }

    /** Fills the product-type columns; returns the image axes (empty for tables). */
    static List<Axis> describe(HduKeywords keys, String kind, boolean randomGroups, Row row) {
        if (kind.equals("TABLE") || kind.equals("BINTABLE")) {
            table(keys, row);
            return List.of();
        }
        if (!kind.equals("IMAGE")) {
            String why = "an extension of type " + kind + " is not described";
            absentAll(row, why);
            return List.of();
        }
        List<Axis> axes = new ArrayList<>();
        String broken = axes(keys, axes);
        if (broken != null) {
            absentAll(row, broken);
            return List.of();
        }
        if (randomGroups) {
            visibility(keys, axes.subList(1, axes.size()), row);
            return axes.subList(1, axes.size());
        }
        image(keys, axes, row);
        return axes;
    }

    /** Reads NAXIS, NAXISn and CTYPEn; returns why they cannot be read, or null. */
    private static String axes(HduKeywords keys, List<Axis> axes) {
        Object naxis = keys.ownValue("NAXIS");
        if (!(naxis instanceof Long) || (Long) naxis < 0 || (Long) naxis > 999) {
            return "NAXIS = " + naxis + " is not an axis count";
        }
        for (int n = 1; n <= (Long) naxis; n++) {
            Object length = keys.ownValue("NAXIS" + n);
            if (!(length instanceof Long) || (Long) length < 0) {
                return "NAXIS" + n + " = " + length + " is not an axis length";
            }
            Object ctype = keys.ownValue("CTYPE" + n);
            String c = ctype instanceof String ? (String) ctype : "";
            axes.add(new Axis(n, (Long) length, c, AxisType.of(c)));
        }
        return null;
    }

    private static void image(HduKeywords keys, List<Axis> axes, Row row) {
        String empty = axes.isEmpty() ? "no data array (NAXIS = 0)" : null;
        for (Axis a : axes) {
            if (empty == null && a.length == 0) {
                empty = "no data array (NAXIS" + a.number + " = 0)";
            }
        }
        if (empty != null) {
            absentAll(row, empty);
            return;
        }
        for (Axis a : axes) {
            if (a.type == AxisType.UNKNOWN || a.type == AxisType.COMPLEX) {
                absentAll(row, "CTYPE" + a.number + " = '" + a.ctype.strip()
                        + "' is not a coordinate type of the FITS WCS papers: what axis " + a.number + " measures is not known");
                return;
            }
        }
        List<Axis> spatial = of(axes, AxisType.SPATIAL);
        if (spatial.isEmpty()) {
            spatial = of(axes, AxisType.GENERIC);
        }
        long s = spatial.stream().filter(a -> a.length > 1).count();
        long e = of(axes, AxisType.SPECTRAL).stream().filter(a -> a.length > 1).count();
        long t = of(axes, AxisType.TIME).stream().filter(a -> a.length > 1).count();
        String type = null;
        String why = null;
        if (e > 0 && t > 0) {
            why = "a spectral and a time axis (a dynamic spectrum) have no ObsCore product type";
        } else if (e > 0) {
            type = s >= 2 ? "cube" : "spectrum";
        } else if (t > 0) {
            if (s >= 2) {
                type = "cube";
            } else if (s == 0) {
                type = "timeseries";
            } else {
                why = "one spatial and one time axis have no ObsCore product type";
            }
        } else if (s >= 3) {
            type = "cube";
        } else if (s == 2) {
            type = "image";
        } else {
            why = s == 1 ? "a one-dimensional array without a spectral or time axis has no ObsCore product type"
                    : "no axis longer than 1 pixel besides polarization";
        }
        if (type != null) {
            row.put(DATAPRODUCT_TYPE, type);
        } else {
            row.absent(DATAPRODUCT_TYPE, why);
        }
        row.count(S_XEL1, spatial.isEmpty() ? null : spatial.get(0).length, "no spatial axis");
        row.count(S_XEL2, spatial.size() < 2 ? null : spatial.get(1).length,
                spatial.isEmpty() ? "no spatial axis" : "no second spatial axis");
        counts(keys, axes, row);
    }

    private static void visibility(HduKeywords keys, List<Axis> axes, Row row) {
        row.put(DATAPRODUCT_TYPE, "visibility");
        String grid = "visibilities are not sampled on a sky pixel grid";
        row.absent(S_XEL1, grid);
        row.absent(S_XEL2, grid);
        counts(keys, axes, row);
    }

    private static void counts(HduKeywords keys, List<Axis> axes, Row row) {
        row.count(T_XEL, first(axes, AxisType.TIME), "no time axis");
        row.count(EM_XEL, first(axes, AxisType.SPECTRAL), "no spectral axis");
        row.count(POL_XEL, first(axes, AxisType.STOKES), "no STOKES axis");
        Optional<Axis> stokes = axes.stream().filter(a -> a.type == AxisType.STOKES).findFirst();
        String states = stokes.map(a -> stokesStates(keys, a)).orElse(null);
        if (states != null) {
            row.put(POL_STATES, states);
        } else {
            row.absent(POL_STATES, stokes.isEmpty() ? "no STOKES axis" : "the STOKES axis (CRVAL" + stokes.get().number
                    + ", CDELT" + stokes.get().number + ", CRPIX" + stokes.get().number
                    + ") does not give Stokes codes from -8 to 4");
        }
    }

    /**
     * The states along a STOKES axis in ObsCore's form ({@code /I/Q/U/V/}), from the codes of WCS
     * paper I (1 to 4: I Q U V; -1 to -4: RR LL RL LR; -5 to -8: XX YY XY YX), or null.
     */
    private static String stokesStates(HduKeywords keys, Axis axis) {
        double crval = number(keys.ownValue("CRVAL" + axis.number), 0);
        double cdelt = number(keys.ownValue("CDELT" + axis.number), 1);
        double crpix = number(keys.ownValue("CRPIX" + axis.number), 0);
        StringBuilder states = new StringBuilder("/");
        for (long p = 1; p <= axis.length; p++) {
            double code = crval + cdelt * (p - crpix);
            long k = Math.round(code);
            if (Math.abs(code - k) > 1e-6 || k == 0 || k < -8 || k > 4) {
                return null;
            }
            states.append(STOKES[(int) k + 8]).append('/');
        }
        return states.toString();
    }

    private static final String[] STOKES = {"YX", "XY", "YY", "XX", "LR", "RL", "LL", "RR", "", "I", "Q", "U", "V"};

    private static void table(HduKeywords keys, Row row) {
        String hduclas1 = upper(keys.ownValue("HDUCLAS1"));
        String extname = upper(keys.ownValue("EXTNAME"));
        List<String> columns = columns(keys.own());
        boolean time = columns.contains("TIME");
        String type = null;
        if (hduclas1.equals("EVENTS") || extname.equals("EVENTS") && time) {
            type = "event";
        } else if (hduclas1.equals("LIGHTCURVE") || (extname.equals("LIGHTCURVE") || extname.equals("RATE")) && time) {
            type = "timeseries";
        } else if (hduclas1.equals("SPECTRUM")) {
            type = "spectrum";
        } else if (columns.stream().anyMatch(c -> AxisType.coordinateType(c).equals("UU"))
                && columns.stream().anyMatch(c -> AxisType.coordinateType(c).equals("VV"))) {
            type = "visibility";
        }
        String noGrid = "a table has no pixel axes";
        if (type == null) {
            row.absent(DATAPRODUCT_TYPE, "a table whose header does not state its kind (HDUCLAS1 = "
                    + (hduclas1.isEmpty() ? "none" : "'" + hduclas1 + "'") + ", EXTNAME = "
                    + (extname.isEmpty() ? "none" : "'" + extname + "'") + ", no events, light curve or UU/VV columns)");
        } else {
            row.put(DATAPRODUCT_TYPE, type);
        }
        row.absent(S_XEL1, noGrid);
        row.absent(S_XEL2, noGrid);
        Object rows = keys.ownValue("NAXIS2");
        if ("timeseries".equals(type) && rows instanceof Long) {
            row.put(T_XEL, rows);
        } else {
            row.absent(T_XEL, "timeseries".equals(type) ? "NAXIS2 is not a row count"
                    : "event".equals(type) ? "events are not binned in time" : noGrid);
        }
        row.absent(EM_XEL, noGrid);
        row.absent(POL_XEL, noGrid);
        row.absent(POL_STATES, noGrid);
    }

    private static List<String> columns(List<Card> cards) {
        List<String> names = new ArrayList<>();
        for (Card c : cards) {
            if (c.keyword().startsWith("TTYPE") && c.value() instanceof String) {
                names.add(((String) c.value()).strip().toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Fills the product-type columns of an HDU whose structure cannot be read; no axes. */
    static List<Axis> unreadable(Row row, String why) {
        absentAll(row, why);
        return List.of();
    }

    private static void absentAll(Row row, String why) {
        for (ObsCoreColumn c : new ObsCoreColumn[] {DATAPRODUCT_TYPE, S_XEL1, S_XEL2, T_XEL, EM_XEL, POL_XEL, POL_STATES}) {
            row.absent(c, why);
        }
    }

    private static List<Axis> of(List<Axis> axes, AxisType type) {
        return axes.stream().filter(a -> a.type == type).toList();
    }

    private static Long first(List<Axis> axes, AxisType type) {
        Optional<Axis> a = axes.stream().filter(x -> x.type == type).findFirst();
        return a.map(Axis::length).orElse(null);
    }

    private static String upper(Object v) {
        return v instanceof String ? ((String) v).strip().toUpperCase(Locale.ROOT) : "";
    }
}
