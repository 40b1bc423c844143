package io.astrocloud.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.AstroCloud;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.healpix.AngularDistance;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The sky columns of real files, walked and described end to end, against astropy.wcs's footprint
 * of the same HDU (the corpus fixtures of {@code oracles/make_wcs_golden.py}: astropy's
 * {@code calc_footprint(center=False)} in ICRS and the smallest circle around it).
 */
class SkyDescriptionTest {
    private static final double ARCSEC = 1.0 / 3600.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void corpusHdusWithACelestialWcsHaveAstropysFootprintToAFiftiethOfAnArcsecond() throws IOException {
        JsonNode index = fixture("index.json");
        int withSky = 0;
        int without = 0;
        for (JsonNode entry : index) {
            String name = entry.asText().replaceFirst("\\.json$", "");
            JsonNode fixture = fixture(name + ".json");
            if (!"corpus".equals(fixture.path("family").asText())) {
                continue;
            }
            String[] fileAndHdu = name.split("-hdu");
            List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file(fileAndHdu[0]).toString(), AccessOptions.defaults(),
                    WalkOptions.DEFAULT.withGzip(true));
            Hdu hdu = hdus.get(Integer.parseInt(fileAndHdu[1]));
            ObsCore obs = ObsCoreMapper.describe(hdu, hdus.get(0));
            JsonNode footprint = fixture.path("footprint");
            if (!fixture.path("sky").asBoolean() || !footprint.has("center")) {
                assertThat(obs.why(ObsCoreColumn.S_REGION)).as(name).isPresent();
                without++;
                continue;
            }
            assertThat(obs.why(ObsCoreColumn.S_RA)).as(name).isEmpty();
            JsonNode centre = footprint.path("center");
            assertThat(AngularDistance.degrees(obs.real(ObsCoreColumn.S_RA).orElseThrow(), obs.real(ObsCoreColumn.S_DEC).orElseThrow(),
                    centre.get(0).asDouble(), centre.get(1).asDouble())).as(name).isLessThan(0.05 * ARCSEC);
            assertThat(obs.real(ObsCoreColumn.S_FOV).orElseThrow()).as(name)
                    .isCloseTo(footprint.path("fovDeg").asDouble(), within(0.05 * ARCSEC));
            List<double[]> region = polygon(obs.string(ObsCoreColumn.S_REGION).orElseThrow());
            JsonNode corners = footprint.path("stcsCorners");
            assertThat(region).as(name).hasSize(corners.size());
            for (int i = 0; i < region.size(); i++) {
                assertThat(AngularDistance.degrees(region.get(i)[0], region.get(i)[1],
                        corners.get(i).get(0).asDouble(), corners.get(i).get(1).asDouble()))
                        .as(name + " corner " + i).isLessThan(0.05 * ARCSEC);
            }
            assertThat(obs.real(ObsCoreColumn.S_PIXEL_SCALE).orElseThrow()).as(name).isPositive();
            withSky++;
        }
        assertThat(withSky).isGreaterThanOrEqualTo(5);
        assertThat(without).isPositive();
    }

    @Test
    void lookupTableDistortionsOfOtherHdusDoNotHideTheFootprint() {
        List<Card> cards = new ArrayList<>(List.of(new Card("XTENSION", "IMAGE", ""), new Card("NAXIS", 2L, ""),
                new Card("NAXIS1", 4096L, ""), new Card("NAXIS2", 2048L, ""),
                new Card("CTYPE1", "RA---TAN-SIP", ""), new Card("CTYPE2", "DEC--TAN-SIP", ""),
                new Card("CRPIX1", 2048.0, ""), new Card("CRPIX2", 1024.0, ""),
                new Card("CRVAL1", 150.1, ""), new Card("CRVAL2", 2.2, ""),
                new Card("CD1_1", -1.4e-5, ""), new Card("CD2_2", 1.4e-5, ""),
                new Card("A_ORDER", 2L, ""), new Card("B_ORDER", 2L, ""), new Card("A_2_0", 1e-7, ""),
                new Card("CPDIS1", "Lookup", ""), new Card("DP1.EXTVER", 1.0, ""), new Card("D2IMDIS1", "Lookup", ""),
                new Card("D2IMEXT", "jref$x_d2i.fits", "")));
        SkyColumns sky = SkyDescription.of(cards);
        assertThat(sky.values()).containsKeys(ObsCoreColumn.S_RA, ObsCoreColumn.S_DEC, ObsCoreColumn.S_REGION);
        assertThat((Double) sky.values().get(ObsCoreColumn.S_PIXEL_SCALE)).isCloseTo(0.0504, within(1e-4));
        assertThat(sky.why()).containsKey(ObsCoreColumn.S_RESOLUTION);
    }

    @Test
    void aRadioBeamIsTheResolutionAndAHeaderWithoutWcsSaysWhy() {
        List<Card> radio = List.of(new Card("SIMPLE", true, ""), new Card("NAXIS", 2L, ""),
                new Card("NAXIS1", 100L, ""), new Card("NAXIS2", 100L, ""),
                new Card("CTYPE1", "RA---SIN", ""), new Card("CTYPE2", "DEC--SIN", ""),
                new Card("CRPIX1", 50.0, ""), new Card("CRPIX2", 50.0, ""),
                new Card("CDELT1", -1e-3, ""), new Card("CDELT2", 1e-3, ""), new Card("BMAJ", 2e-3, ""));
        assertThat((Double) SkyDescription.of(radio).values().get(ObsCoreColumn.S_RESOLUTION))
                .isCloseTo(7.2, within(1e-9));
        SkyColumns none = SkyDescription.of(List.of(new Card("SIMPLE", true, ""), new Card("NAXIS", 0L, "")));
        assertThat(none.values()).isEmpty();
        assertThat(none.why().get(ObsCoreColumn.S_RA)).startsWith("no celestial WCS: ");
    }

    private static List<double[]> polygon(String stcs) {
        String[] words = stcs.trim().split("\\s+");
        assertThat(words[0].toUpperCase(Locale.ROOT)).isEqualTo("POLYGON");
        assertThat(words[1]).isEqualTo("ICRS");
        List<double[]> points = new ArrayList<>();
        for (int i = 2; i + 1 < words.length; i += 2) {
            points.add(new double[] {Double.parseDouble(words[i]), Double.parseDouble(words[i + 1])});
        }
        return points;
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SkyDescriptionTest.class.getResourceAsStream("/golden/wcs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
