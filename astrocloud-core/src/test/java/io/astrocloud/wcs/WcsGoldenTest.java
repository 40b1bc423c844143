package io.astrocloud.wcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pixel to sky, sky to pixel and footprints against astropy.wcs (wcslib 7.12), from the fixtures
 * {@code oracles/make_wcs_golden.py} wrote: the WCS headers of the real corpus and generated
 * headers for every projection, frame, linear form and axis layout implemented; and those of
 * {@code oracles/make_testkit_wcs_golden.py}: the testkit's generated files (a TESS full-frame
 * image with TAN-SIP and AP/BP, HST-like and tile-compressed images).
 *
 * <p>Tolerances. The promise is 0.05 arcsec on the sky; the test holds positions to 1 mas, so
 * that a frame bias left out (ICRS to FK5 is up to 23 mas) cannot hide under the promise. Pixels
 * (sky to pixel): 0.05 arcsec expressed in pixels at the reference point's scale, but never more
 * than 0.001 pixel, so that a cutout's pixel range cannot differ from astropy's however coarse or
 * fine the pixels. Both directions are checked on a 9 x 9 grid spanning the whole pixel grid
 * (edges included) plus the reference pixel; a pixel astropy finds no sky for must have none.
 */
class WcsGoldenTest {
    private static final double SKY_TOLERANCE_ARCSEC = 0.001;
    private static final double PROMISE_ARCSEC = 0.05;
    private static final double PIXEL_TOLERANCE_CAP = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, double[]> WORST = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> agreesWithAstropyOnEveryFixture() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : fixtureNames()) {
            JsonNode fixture = read(name);
            tests.add(DynamicTest.dynamicTest(fixture.get("name").asText(), () -> check(fixture)));
        }
        return tests.stream();
    }

    private static void check(JsonNode fixture) {
        WcsResult<CelestialWcs> result = CelestialWcs.read(keywords(fixture.get("cards")));
        if (!fixture.get("sky").asBoolean()) {
            assertThat(result).as("astropy: %s", fixture.get("astropyView").asText())
                .isInstanceOf(WcsResult.Absent.class);
            assertThat(((WcsResult.Absent<CelestialWcs>) result).why()).isNotBlank();
            return;
        }
        assertThat(result).as(result.toString()).isInstanceOf(WcsResult.Found.class);
        CelestialWcs wcs = result.orElseThrow();
        assertThat(wcs.pixelAxes()).containsExactly(ints(fixture.get("pixelAxes")));
        assertThat(wcs.longitudeAxis()).isEqualTo(fixture.get("lngAxis").asInt());
        assertThat(wcs.latitudeAxis()).isEqualTo(fixture.get("latAxis").asInt());
        assertThat(wcs.frame()).isEqualTo(fixture.get("frame").asText());
        assertThat(wcs.projection()).isEqualTo(fixture.get("projection").asText());
        double area = fixture.get("pixelArea").asDouble();
        assertThat(wcs.pixelScale()).isCloseTo(Math.sqrt(area), org.assertj.core.data.Percentage.withPercentage(1e-9));

        String family = fixture.get("family").asText();
        double pixelTolerance = Math.min(PIXEL_TOLERANCE_CAP, PROMISE_ARCSEC / 3600.0 / wcs.pixelScale());
        for (JsonNode point : fixture.get("points")) {
            double x = point.get("pixel").get(0).asDouble();
            double y = point.get("pixel").get(1).asDouble();
            Optional<SkyPosition> sky = wcs.pixelToSky(x, y);
            JsonNode expected = point.get("icrs");
            if (expected.isNull()) {
                assertThat(sky).as("pixel (%s, %s) has no sky for astropy", x, y).isEmpty();
                continue;
            }
            assertThat(sky).as("pixel (%s, %s)", x, y).isPresent();
            double skyError = arcsec(sky.get(), position(expected));
            note(family, 0, skyError);
            assertThat(skyError).as("pixel (%s, %s) to sky, arcsec", x, y).isLessThanOrEqualTo(SKY_TOLERANCE_ARCSEC);

            JsonNode inverse = point.get("inverse");
            Optional<PixelPosition> pixel = wcs.skyToPixel(position(expected));
            assertThat(pixel).as("sky of pixel (%s, %s) back to a pixel", x, y).isPresent();
            double pixelError = Math.max(Math.abs(pixel.get().x() - inverse.get(0).asDouble()),
                Math.abs(pixel.get().y() - inverse.get(1).asDouble()));
            note(family, 1, pixelError);
            assertThat(pixelError).as("sky of pixel (%s, %s) back to a pixel, pixels", x, y)
                .isLessThanOrEqualTo(pixelTolerance);
        }
        checkFootprint(wcs, fixture.get("footprint"), family);
    }

    private static void checkFootprint(CelestialWcs wcs, JsonNode expected, String family) {
        WcsResult<Footprint> footprint = wcs.footprint();
        if (expected.has("why")) {
            assertThat(footprint).isInstanceOf(WcsResult.Absent.class);
            return;
        }
        Footprint found = footprint.orElseThrow();
        JsonNode corners = expected.get("stcsCorners");
        assertThat(found.corners()).hasSize(4);
        double worst = 0.0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, arcsec(found.corners().get(i), position(corners.get(i))));
        }
        note(family, 2, worst);
        assertThat(worst).as("corners in STC-S order, arcsec").isLessThanOrEqualTo(SKY_TOLERANCE_ARCSEC);
        double fovError = Math.abs(found.fovDeg() - expected.get("fovDeg").asDouble()) * 3600.0;
        double centreError = arcsec(found.center(), position(expected.get("center")));
        note(family, 3, Math.max(fovError, centreError));
        assertThat(fovError).as("s_fov, arcsec").isLessThanOrEqualTo(SKY_TOLERANCE_ARCSEC);
        assertThat(centreError).as("centre, arcsec").isLessThanOrEqualTo(SKY_TOLERANCE_ARCSEC);
    }

    @AfterAll
    static void printWorstAgreement() {
        System.out.println("WCS agreement with astropy, worst per family: sky arcsec | sky->pixel pixels | "
            + "corners arcsec | centre/fov arcsec");
        WORST.forEach((family, w) -> System.out.printf(Locale.ROOT, "  %-20s %.2e | %.2e | %.2e | %.2e%n",
            family, w[0], w[1], w[2], w[3]));
    }

    private static synchronized void note(String family, int column, double value) {
        WORST.computeIfAbsent(family, f -> new double[4])[column] = Math.max(WORST.get(family)[column], value);
    }

    /** A fixture whose header has a celestial WCS, and that WCS as this package reads it. */
    record SkyFixture(String name, JsonNode fixture, CelestialWcs wcs) {
    }

    /** Every fixture with a celestial WCS. */
    static List<SkyFixture> skyFixtures() {
        List<SkyFixture> out = new ArrayList<>();
        for (String name : fixtureNames()) {
            JsonNode fixture = read(name);
            if (fixture.get("sky").asBoolean()) {
                CelestialWcs wcs = CelestialWcs.read(keywords(fixture.get("cards"))).orElseThrow();
                out.add(new SkyFixture(fixture.get("name").asText(), fixture, wcs));
            }
        }
        return out;
    }

    static WcsKeywords keywords(JsonNode cards) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode card : cards) {
            JsonNode v = card.get("value");
            Object value = v.isBoolean() ? (Object) v.asBoolean()
                : v.isIntegralNumber() ? (Object) v.asLong()
                : v.isNumber() ? (Object) v.asDouble()
                : v.isTextual() ? v.asText() : null;
            if (value != null) {
                values.putIfAbsent(card.get("keyword").asText(), value);
            }
        }
        return WcsKeywords.of(values);
    }

    private static SkyPosition position(JsonNode pair) {
        return new SkyPosition(pair.get(0).asDouble(), pair.get(1).asDouble());
    }

    private static double arcsec(SkyPosition a, SkyPosition b) {
        return Vectors.separation(Vectors.of(a.ra(), a.dec()), Vectors.of(b.ra(), b.dec())) * 3600.0;
    }

    private static Integer[] ints(JsonNode array) {
        Integer[] out = new Integer[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /**
     * Every fixture, as a path under golden/: those of {@code make_wcs_golden.py} (corpus and
     * generated headers, wcs/) and of {@code make_testkit_wcs_golden.py} (the testkit's generated
     * files, wcs-testkit/).
     */
    static List<String> fixtureNames() {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("wcs/", "wcs-testkit/")) {
            for (JsonNode name : read(dir + "index.json")) {
                names.add(dir + name.asText());
            }
        }
        return names;
    }

    static JsonNode read(String path) {
        try (InputStream in = WcsGoldenTest.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture golden/" + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
