package io.astrocloud.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.healpix.AngularDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What astropy.wcs says of one HDU's sky footprint, for the corpus (fixtures of
 * {@code oracles/make_wcs_golden.py} under {@code golden/wcs/}) and the testkit's generated files
 * ({@code golden/wcs-testkit/}): {@code calc_footprint(center=False)}
 * in ICRS, the smallest circle around it and its corners in STC-S order. Only HDUs whose header has
 * CTYPEn have a fixture; {@link #sky()} is false when astropy finds no celestial WCS there or no
 * footprint. In the core's test jar, so that the command line's and the Camel component's tests
 * hold their JSON against the same records.
 *
 * @param name    {@code FILE-hduN}
 * @param sky     true when astropy gives a footprint in ICRS
 * @param centre  the smallest circle's centre, [ra, dec] in degrees (sky only)
 * @param fovDeg  its diameter in degrees (sky only)
 * @param corners the four outer corners in STC-S order, [ra, dec] (sky only)
 */
public record AstropyFootprint(String name, boolean sky, double[] centre, double fovDeg, List<double[]> corners) {
    /** 0.05 arcsec, the agreement required with astropy. */
    public static final double TOLERANCE_DEG = 0.05 / 3600.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, AstropyFootprint> corpus;
    private static Map<String, AstropyFootprint> testkit;

    /** Every corpus HDU with a fixture, by {@code FILE-hduN}. */
    public static synchronized Map<String, AstropyFootprint> corpus() {
        if (corpus == null) {
            corpus = records("wcs/", "corpus");
        }
        return corpus;
    }

    /**
     * Every HDU with CTYPEn of the testkit's generated files ({@code SkyFiles}: fixtures of
     * {@code oracles/make_testkit_wcs_golden.py} under {@code golden/wcs-testkit/}), by {@code FILE-hduN}.
     */
    public static synchronized Map<String, AstropyFootprint> testkit() {
        if (testkit == null) {
            testkit = records("wcs-testkit/", "testkit");
        }
        return testkit;
    }

    private static Map<String, AstropyFootprint> records(String dir, String family) {
        Map<String, AstropyFootprint> all = new LinkedHashMap<>();
        for (JsonNode entry : read(dir + "index.json")) {
            String name = entry.asText().replaceFirst("\\.json$", "");
            JsonNode fixture = read(dir + name + ".json");
            if (family.equals(fixture.path("family").asText())) {
                all.put(name, of(name, fixture));
            }
        }
        return all;
    }

    /** The footprint of HDU {@code hdu} of corpus file {@code file}, if its header has CTYPEn. */
    public static Optional<AstropyFootprint> of(String file, int hdu) {
        return Optional.ofNullable(corpus().get(file + "-hdu" + hdu));
    }

    /**
     * Where an ObsCore row's sky columns ({@code s_ra}, {@code s_dec}, {@code s_fov},
     * {@code s_region}) differ from astropy's by more than 0.05 arcsec; empty when they agree.
     */
    public List<String> differences(double ra, double dec, double fov, String stcs) {
        List<String> diffs = new ArrayList<>();
        double off = AngularDistance.degrees(ra, dec, centre[0], centre[1]);
        if (!(off < TOLERANCE_DEG)) {
            diffs.add(name + ": centre " + ra + " " + dec + " is " + off * 3600 + " arcsec from astropy's");
        }
        if (!(Math.abs(fov - fovDeg) < TOLERANCE_DEG)) {
            diffs.add(name + ": s_fov " + fov + ", astropy " + fovDeg);
        }
        List<double[]> region = polygon(stcs);
        if (region.size() != corners.size()) {
            diffs.add(name + ": " + region.size() + " corners, astropy has " + corners.size());
            return diffs;
        }
        for (int i = 0; i < region.size(); i++) {
            double d = AngularDistance.degrees(region.get(i)[0], region.get(i)[1], corners.get(i)[0], corners.get(i)[1]);
            if (!(d < TOLERANCE_DEG)) {
                diffs.add(name + ": corner " + i + " is " + d * 3600 + " arcsec from astropy's");
            }
        }
        return diffs;
    }

    /** The points of an STC-S {@code POLYGON ICRS ra1 dec1 ...}. */
    public static List<double[]> polygon(String stcs) {
        String[] words = stcs.trim().split("\\s+");
        if (!words[0].toUpperCase(Locale.ROOT).equals("POLYGON") || !words[1].equals("ICRS")) {
            throw new IllegalArgumentException("not an ICRS polygon: " + stcs);
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 2; i + 1 < words.length; i += 2) {
            points.add(new double[] {Double.parseDouble(words[i]), Double.parseDouble(words[i + 1])});
        }
        return points;
    }

    private static AstropyFootprint of(String name, JsonNode fixture) {
        JsonNode footprint = fixture.path("footprint");
        if (!fixture.path("sky").asBoolean() || !footprint.has("center")) {
            return new AstropyFootprint(name, false, null, Double.NaN, List.of());
        }
        List<double[]> corners = new ArrayList<>();
        footprint.path("stcsCorners").forEach(c -> corners.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()}));
        JsonNode c = footprint.path("center");
        return new AstropyFootprint(name, true, new double[] {c.get(0).asDouble(), c.get(1).asDouble()},
                footprint.path("fovDeg").asDouble(), List.copyOf(corners));
    }

    private static JsonNode read(String path) {
        try (InputStream in = AstropyFootprint.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IOException("no fixture golden/" + path + "; see oracles/README.md");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
