package io.astrocloud.wcs;

import static io.astrocloud.wcs.TestHeaders.tanImage;
import static io.astrocloud.wcs.TestHeaders.why;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Headers no honest writer makes: values of the wrong type, NaN, singular matrices, orders and
 * indices far past any real use. Each gives a reason; none throws, hangs or allocates by a
 * header's say-so.
 */
class HostileWcsHeaderTest {

    @Test
    void notANumberWhereANumberBelongsIsNamed() {
        assertThat(why(tanImage("CRVAL1", Double.NaN))).isEqualTo("CRVAL1 = NaN is not a finite number");
        assertThat(why(tanImage("CDELT2", Double.POSITIVE_INFINITY)))
            .contains("CDELT2 = Infinity is not a finite number");
        assertThat(why(tanImage("CRPIX1", "abc"))).isEqualTo("CRPIX1 = 'abc' is not a number");
        assertThat(why(tanImage("LATPOLE", Boolean.TRUE))).contains("LATPOLE = true is not a number");
        assertThat(why(tanImage("CTYPE1", 5L))).contains("CTYPE1 = 5 is not a string");
        assertThat(why(tanImage("CRVAL2", new double[] {1.0, 2.0}))).isEqualTo("CRVAL2 = (1.0, 2.0) is not a number");
    }

    @Test
    void singularLinearTransformationsAreRefused() {
        assertThat(why(tanImage("CDELT1", 0.0))).contains("singular");
        assertThat(why(tanImage("CD1_1", 0.0, "CD2_2", 0.0))).contains("singular");
        assertThat(why(tanImage("PC1_1", 1.0, "PC1_2", 2.0, "PC2_1", 1.0, "PC2_2", 2.0))).contains("singular");
        assertThat(why(tanImage("CD1_1", 1e-300, "CD2_2", 1e-300, "CD1_2", 1e300))).contains("singular");
        assertThat(why(tanImage("CROTA2", 30.0, "CDELT1", 0.0))).contains("CDELT1 = 0");
    }

    @Test
    void aReferenceLatitudePastThePoleIsRefused() {
        assertThat(why(tanImage("CRVAL2", 95.0))).contains("CRVAL2 = 95.0 degrees is not a latitude");
    }

    @Test
    void ordersAndIndicesPastAnyRealUseAreRefused() {
        assertThat(why(tanImage("A_ORDER", 1_000_000_000L, "B_ORDER", 2L))).contains("A_ORDER = 1000000000 is beyond");
        assertThat(why(tanImage("A_ORDER", 1e300, "B_ORDER", 2L))).contains("is not an integer");
        assertThat(why(tanImage("A_ORDER", new BigInteger("123456789012345678901234567890"), "B_ORDER", 2L)))
            .contains("out of range");
        assertThat(why(tanImage("CTYPE1", "RA---ZPN", "CTYPE2", "DEC--ZPN", "PV2_1", 1.0, "PV2_99", 1e-3)))
            .contains("PV2_99 is beyond the 30 projection parameters");
        assertThat(why(tanImage("NAXIS", 1_000_000L))).contains("NAXIS = 1000000 is outside");
        assertThat(why(tanImage("WCSAXES", 0L))).contains("WCSAXES = 0 is outside");
        assertThat(why(tanImage("EQUINOX", 1e9))).contains("EQUINOX");
    }

    @Test
    void projectionParametersThatDefineNothingAreRefused() {
        assertThat(why(tanImage("CTYPE1", "RA---ZPN", "CTYPE2", "DEC--ZPN")))
            .contains("ZPN has no non-zero coefficient");
        assertThat(why(tanImage("CTYPE1", "RA---ZPN", "CTYPE2", "DEC--ZPN", "PV2_1", -1.0, "PV2_3", 1.0)))
            .contains("positive PVi_1");
        assertThat(why(tanImage("CTYPE1", "RA---CAR", "CTYPE2", "DEC--CAR", "PV1_2", 120.0)))
            .contains("not a native latitude");
    }

    @Test
    void aDivergingSipInverseGivesNoPixelRatherThanLooping() {
        CelestialWcs wcs = CelestialWcs.read(tanImage("A_ORDER", 2L, "B_ORDER", 2L, "A_2_0", 5.0, "B_0_2", -5.0))
            .orElseThrow();
        SkyPosition far = wcs.pixelToSky(1.0, 1.0).orElseThrow();
        assertThatCode(() -> wcs.skyToPixel(new SkyPosition(far.ra() + 1.0, far.dec()))).doesNotThrowAnyException();
    }

    @Test
    void tensOfThousandsOfKeywordsAreReadInOnePass() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < 50_000; i++) {
            values.put("PV" + (i % 999 + 1) + "_" + (i / 999), 1.0);
        }
        values.putAll(Map.of("NAXIS", 2L, "NAXIS1", 10L, "NAXIS2", 10L, "CTYPE1", "RA---SIN", "CTYPE2", "DEC--SIN"));
        assertThatCode(() -> CelestialWcs.read(WcsKeywords.of(values))).doesNotThrowAnyException();
    }

    /**
     * Random headers over the WCS keywords, with values that are sane, absurd, of the wrong type
     * or not finite: reading never throws, and whatever is read maps pixels and sky positions to
     * finite answers or to none.
     */
    @Test
    void randomHeadersNeverThrowAndNeverAnswerNonFiniteCoordinates() {
        Random random = new Random(20261124L);
        String[] keywords = {"NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "WCSAXES", "CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2",
            "CDELT1", "CDELT2", "CD1_1", "CD1_2", "CD2_1", "CD2_2", "PC1_1", "PC1_2", "PC2_2", "PC1_3", "CROTA2",
            "LONPOLE", "LATPOLE", "PV1_0", "PV1_1", "PV1_2", "PV1_3", "PV1_4", "PV2_0", "PV2_1", "PV2_2", "PV2_3",
            "PV2_29", "A_ORDER", "B_ORDER", "A_2_0", "B_0_2", "AP_ORDER", "BP_ORDER", "AP_1_0", "RADESYS", "EQUINOX",
            "EPOCH", "CUNIT1", "CUNIT2"};
        String[] codes = {"TAN", "SIN", "NCP", "ARC", "ZEA", "STG", "ZPN", "CAR", "MOL", "AIT", "TAN-SIP"};
        String[][] pairs = {{"RA---", "DEC--"}, {"GLON-", "GLAT-"}, {"ELON-", "ELAT-"}};
        Object[] absurd = {Double.NaN, Double.NEGATIVE_INFINITY, 1e300, -1e300, 0.0, -0.0, 999.0, 90.0, -90.0, 180.0,
            1e-300, 2L, 30L, -1L, Long.MAX_VALUE, "", "FK4", "FK5", "ICRS", "deg", "arcsec", Boolean.FALSE};
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            String[] pair = pairs[random.nextInt(pairs.length)];
            String code = codes[random.nextInt(codes.length)];
            values.put("CTYPE1", pair[0] + code);
            values.put("CTYPE2", pair[1] + code);
            values.put("NAXIS", 2L);
            values.put("NAXIS1", 64L);
            values.put("NAXIS2", 48L);
            for (int k = random.nextInt(8); k > 0; k--) {
                String keyword = keywords[random.nextInt(keywords.length)];
                Object value = random.nextBoolean() ? absurd[random.nextInt(absurd.length)]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3);
                values.put(keyword, value);
            }
            WcsResult<CelestialWcs> result = CelestialWcs.read(WcsKeywords.of(values));
            if (result instanceof WcsResult.Found<CelestialWcs> f) {
                found++;
                exercise(f.value(), random);
            } else {
                assertThat(((WcsResult.Absent<CelestialWcs>) result).why()).isNotBlank();
            }
        }
        assertThat(found).as("some random headers are valid WCS").isGreaterThan(1000);
    }

    private static void exercise(CelestialWcs wcs, Random random) {
        List<double[]> pixels = new ArrayList<>(List.of(new double[] {1, 1}, new double[] {32, 24},
            new double[] {-1e6, 1e6}, new double[] {random.nextGaussian() * 100, random.nextGaussian() * 100}));
        for (double[] p : pixels) {
            wcs.pixelToSky(p[0], p[1]).ifPresent(sky -> {
                assertThat(Double.isFinite(sky.ra()) && Double.isFinite(sky.dec())).isTrue();
                wcs.skyToPixel(sky).ifPresent(
                    px -> assertThat(Double.isFinite(px.x()) && Double.isFinite(px.y())).isTrue());
            });
        }
        wcs.skyToPixel(new SkyPosition(random.nextDouble() * 360, random.nextDouble() * 180 - 90));
        wcs.footprint().toOptional().ifPresent(fp -> assertThat(fp.fovDeg()).isBetween(0.0, 360.0));
        assertThat(wcs.pixelScale()).isPositive();
    }
}
