package io.astrocloud.wcs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the primary celestial WCS of a header into a {@link CelestialWcs}, or says why it cannot
 * ({@link InvalidWcs}): the axes, their frame and units, the reference point, the linear
 * transformation and SIP, the projection with its PVi_m parameters, LONPOLE and LATPOLE, and the
 * pixel grid. Every loop is bounded by the header's own keywords or by the standard's limits
 * (999 axes, 30 projection parameters), so no header can make it run long.
 */
final class WcsReader {
    private static final int MAX_AXES = 999;
    private static final Pattern INDEXED = Pattern.compile("(CTYPE|CRVAL|CRPIX|CDELT|CUNIT|CROTA)(\\d{1,3})");
    private static final Pattern MATRIX = Pattern.compile("(PC|CD)(\\d{1,3})_(\\d{1,3})");
    private static final Pattern PV = Pattern.compile("PV(\\d{1,3})_(\\d{1,3})");
    private static final Pattern LOOKUP_TABLES = Pattern.compile("(CPDIS|D2IMDIS)[12]");
    private static final Map<String, Double> DEGREES_PER_UNIT = Map.of(
        "deg", 1.0, "degree", 1.0, "degrees", 1.0, "arcmin", 1.0 / 60.0, "arcsec", 1.0 / 3600.0,
        "mas", 1.0 / 3.6e6, "rad", Angles.R2D);

    private WcsReader() {
    }

    static CelestialWcs read(WcsKeywords header) {
        KeywordValues values = new KeywordValues(header);
        int naxis = axisCount(values);
        CelestialAxes axes = CelestialAxes.find(values, naxis);
        CelestialFrame frame = frame(values, axes);
        refuseLookupTables(values);
        int lng = axes.longitude();
        int lat = axes.latitude();
        double lngScale = degreesPerUnit(values, lng);
        double latScale = degreesPerUnit(values, lat);
        double lng0 = values.real("CRVAL" + (lng + 1), 0.0) * lngScale;
        double lat0 = values.real("CRVAL" + (lat + 1), 0.0) * latScale;
        if (Math.abs(lat0) > 90.0) {
            throw new InvalidWcs("CRVAL" + (lat + 1) + " = " + lat0 + " degrees is not a latitude");
        }
        LinearTransformation linear = LinearTransformation.read(values, naxis, axes, lngScale, latScale);
        PixelDistortion distortion = SipDistortion.read(values, axes);
        CelestialMapping mapping = axes.linear()
            ? new CelestialMapping.Linear(lng0, lat0)
            : projected(values, axes, lng0, lat0, distortion != PixelDistortion.NONE);
        return new CelestialWcs(axes, frame, linear, distortion, mapping, grid(values, axes));
    }

    /**
     * True when a keyword may be an indexed WCS keyword (CTYPEn ... CROTAn, PCi_j, CDi_j, PVi_m):
     * it starts with C or P and ends with a digit. Most keywords are not, and skip the patterns.
     */
    static boolean indexedLike(String keyword) {
        int n = keyword.length();
        return n > 2 && (keyword.charAt(0) == 'C' || keyword.charAt(0) == 'P') && Character.isDigit(keyword.charAt(n - 1));
    }

    /** WCSAXES, else the highest axis number of NAXIS and the WCS keywords, as wcslib counts. */
    private static int axisCount(KeywordValues values) {
        long naxis = values.integer("NAXIS", 0);
        if (naxis < 0 || naxis > MAX_AXES) {
            throw new InvalidWcs("NAXIS = " + naxis + " is outside 0.." + MAX_AXES);
        }
        if (values.has("WCSAXES")) {
            long wcsaxes = values.integer("WCSAXES", 0);
            if (wcsaxes < 1 || wcsaxes > MAX_AXES) {
                throw new InvalidWcs("WCSAXES = " + wcsaxes + " is outside 1.." + MAX_AXES);
            }
            return (int) wcsaxes;
        }
        int highest = (int) naxis;
        for (String keyword : values.header().keywords()) {
            if (!indexedLike(keyword)) {
                continue;
            }
            Matcher indexed = INDEXED.matcher(keyword);
            Matcher matrix = MATRIX.matcher(keyword);
            Matcher pv = PV.matcher(keyword);
            if (indexed.matches()) {
                highest = Math.max(highest, Integer.parseInt(indexed.group(2)));
            } else if (matrix.matches()) {
                highest = Math.max(highest, Integer.parseInt(matrix.group(2)));
                highest = Math.max(highest, Integer.parseInt(matrix.group(3)));
            } else if (pv.matches()) {
                highest = Math.max(highest, Integer.parseInt(pv.group(1)));
            }
        }
        return Math.min(highest, MAX_AXES);
    }

    /** The reference system of the celestial axes (Paper II section 3.1, wcslib's defaults). */
    private static CelestialFrame frame(KeywordValues values, CelestialAxes axes) {
        String type = axes.longitudeType() + "/" + axes.latitudeType();
        return switch (axes.longitudeType()) {
            case "RA" -> equatorial(values);
            case "GLON" -> CelestialFrame.Rotated.galactic();
            case "ELON" -> CelestialFrame.Rotated.ecliptic(equinox(values, 2000.0));
            case "HPLN" -> throw new InvalidWcs("helioprojective coordinates (" + type + ") are directions from the "
                + "observer relative to the Sun: no fixed place on the sky");
            case "HGLN", "CRLN" -> throw new InvalidWcs("heliographic coordinates (" + type + ") are positions on the "
                + "Sun, not on the sky");
            case "TLON" -> throw new InvalidWcs("terrestrial coordinates (" + type + ") are positions on the Earth");
            default -> throw new InvalidWcs("celestial axes " + type + " are not a frame turned into ICRS here "
                + "(RA/DEC, GLON/GLAT and ELON/ELAT are)");
        };
    }

    private static CelestialFrame equatorial(KeywordValues values) {
        String radesys = values.has("RADESYS") ? values.text("RADESYS") : values.text("RADECSYS");
        radesys = radesys == null ? "" : radesys.strip().toUpperCase(Locale.ROOT);
        double equinox = equinox(values, Double.NaN);
        if (radesys.isEmpty()) {
            radesys = Double.isNaN(equinox) ? "ICRS" : equinox < 1984.0 ? "FK4" : "FK5";
        }
        return switch (radesys) {
            case "ICRS" -> new CelestialFrame.Icrs();
            case "FK5" -> CelestialFrame.Rotated.fk5(Double.isNaN(equinox) ? 2000.0 : equinox);
            case "FK4" -> new CelestialFrame.Fk4(Double.isNaN(equinox) ? 1950.0 : equinox, true);
            case "FK4-NO-E" -> new CelestialFrame.Fk4(Double.isNaN(equinox) ? 1950.0 : equinox, false);
            case "GAPPT" -> throw new InvalidWcs("RADESYS = 'GAPPT' (geocentric apparent place) depends on the "
                + "observation's time and place: not turned into ICRS here");
            default -> throw new InvalidWcs("RADESYS = '" + radesys + "' is not a reference system of the standard");
        };
    }

    /** EQUINOX, else EPOCH (its old name), else the default. */
    private static double equinox(KeywordValues values, double otherwise) {
        double equinox = values.has("EQUINOX") ? values.real("EQUINOX", otherwise) : values.real("EPOCH", otherwise);
        if (!Double.isNaN(equinox) && (equinox < 1000.0 || equinox > 3000.0)) {
            throw new InvalidWcs("EQUINOX = " + equinox + " is not a year this reader precesses from (1000..3000)");
        }
        return equinox;
    }

    private static void refuseLookupTables(KeywordValues values) {
        for (String keyword : values.header().keywords()) {
            if (LOOKUP_TABLES.matcher(keyword).matches()) {
                throw new InvalidWcs(keyword + ": lookup-table distortions (CPDISj, D2IMDISj) live in other HDUs and "
                    + "are not applied here");
            }
        }
    }

    private static double degreesPerUnit(KeywordValues values, int axis) {
        String unit = values.text("CUNIT" + (axis + 1));
        if (unit == null || unit.isBlank()) {
            return 1.0;
        }
        Double scale = DEGREES_PER_UNIT.get(unit.strip().toLowerCase(Locale.ROOT));
        if (scale == null) {
            throw new InvalidWcs("CUNIT" + (axis + 1) + " = '" + unit + "' is not an angle unit");
        }
        return scale;
    }

    /** The projection, its parameters and the celestial pole. */
    private static CelestialMapping projected(KeywordValues values, CelestialAxes axes, double lng0, double lat0,
                                              boolean sip) {
        Map<Integer, Double> lngPv = new TreeMap<>();
        double[] latPv = new double[ZenithalPolynomial.MAX_DEGREE + 1];
        Arrays.fill(latPv, Double.NaN);
        Map<Integer, Map<Integer, Double>> all = parameters(values);
        if (sip && !all.isEmpty()) {
            if (radialTerms(all)) {
                throw new InvalidWcs("both SIP and SCAMP's PVi_m distortion (with radial terms) are present");
            }
            all.clear(); // SCAMP's terms converted to SIP are left behind; astropy drops them too
        }
        all.getOrDefault(axes.longitude() + 1, Map.of()).forEach(lngPv::put);
        String code = axes.code();
        for (Map.Entry<Integer, Double> e : all.getOrDefault(axes.latitude() + 1, Map.of()).entrySet()) {
            if (code.equals("TAN")) {
                throw new InvalidWcs("TAN with PV" + (axes.latitude() + 1) + "_" + e.getKey() + ": SCAMP's TPV "
                    + "distortion polynomials are not implemented");
            }
            if (e.getKey() > ZenithalPolynomial.MAX_DEGREE) {
                throw new InvalidWcs("PV" + (axes.latitude() + 1) + "_" + e.getKey() + " is beyond the "
                    + (ZenithalPolynomial.MAX_DEGREE + 1) + " projection parameters");
            }
            latPv[e.getKey()] = e.getValue();
        }
        for (int m : lngPv.keySet()) {
            if (m > 4 || code.equals("TAN") && m <= 2) {
                throw new InvalidWcs("PV" + (axes.longitude() + 1) + "_" + m + " on the longitude axis"
                    + (code.equals("TAN") ? " of TAN (SCAMP's TPV distortion?)" : "") + " is not implemented");
            }
        }
        Projection projection = Projection.of(code, latPv, lat0);
        double phi0 = lngPv.getOrDefault(1, projection.phi0());
        double theta0 = lngPv.getOrDefault(2, projection.theta0());
        if (Math.abs(theta0) > 90.0) {
            throw new InvalidWcs("PV" + (axes.longitude() + 1) + "_2 = " + theta0 + " is not a native latitude");
        }
        double lonpole = lngPv.getOrDefault(3, values.real("LONPOLE", Double.NaN));
        double latpole = lngPv.getOrDefault(4, values.real("LATPOLE", 90.0));
        SphericalRotation rotation = SphericalRotation.of(lng0, lat0, phi0, theta0, lonpole, latpole);
        double x0 = 0.0;
        double y0 = 0.0;
        if (lngPv.getOrDefault(0, 0.0) != 0.0 && lngPv.containsKey(1) && lngPv.containsKey(2)) {
            double[] offset = projection.toPlane(phi0, theta0);
            if (offset == null) {
                throw new InvalidWcs("the fiducial point (PV" + (axes.longitude() + 1) + "_1, _2) has no image in "
                    + code);
            }
            x0 = offset[0];
            y0 = offset[1];
        }
        return new CelestialMapping.Projected(projection, rotation, x0, y0);
    }

    /** PVi_m by axis i, then m. */
    private static Map<Integer, Map<Integer, Double>> parameters(KeywordValues values) {
        Map<Integer, Map<Integer, Double>> all = new HashMap<>();
        for (String keyword : values.header().keywords()) {
            Matcher pv = PV.matcher(keyword);
            if (pv.matches()) {
                all.computeIfAbsent(Integer.parseInt(pv.group(1)), i -> new TreeMap<>())
                    .put(Integer.parseInt(pv.group(2)), values.real(keyword, 0.0));
            }
        }
        return all;
    }

    /** SCAMP's radial terms (PVi_3, 11, 23, 39 below the highest m), which astropy keeps beside SIP. */
    private static boolean radialTerms(Map<Integer, Map<Integer, Double>> all) {
        for (Map<Integer, Double> byM : all.values()) {
            int highest = ((TreeMap<Integer, Double>) byM).lastKey();
            for (int j : new int[] {3, 11, 23, 39}) {
                if (j < highest && byM.containsKey(j)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** NAXISn of the celestial pixel axes, or why there is no grid. */
    private static WcsResult<long[]> grid(KeywordValues values, CelestialAxes axes) {
        long naxis = values.integer("NAXIS", 0);
        long[] size = new long[2];
        int[] pixelAxes = {axes.firstPixelAxis(), axes.secondPixelAxis()};
        for (int i = 0; i < 2; i++) {
            int axis = pixelAxes[i] + 1;
            if (axis > naxis) {
                return new WcsResult.Absent<>("NAXIS = " + naxis + ": the HDU has no pixel axis " + axis
                    + " (the WCS has no pixel grid to cover)");
            }
            size[i] = values.integer("NAXIS" + axis, 0);
            if (size[i] <= 0) {
                return new WcsResult.Absent<>("NAXIS" + axis + " = " + size[i] + ": no pixels along celestial axis "
                    + axis);
            }
        }
        return new WcsResult.Found<>(size);
    }
}
