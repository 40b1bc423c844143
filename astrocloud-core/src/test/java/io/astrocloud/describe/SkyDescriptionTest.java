package io.astrocloud.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.astrocloud.AstroCloud;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.golden.AstropyFootprint;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sky columns of real files, walked and described end to end, against astropy.wcs's footprint
 * of the same HDU (the corpus fixtures of {@code oracles/make_wcs_golden.py}: astropy's
 * {@code calc_footprint(center=False)} in ICRS and the smallest circle around it).
 */
class SkyDescriptionTest {
    @Test
    void corpusHdusWithACelestialWcsHaveAstropysFootprintToAFiftiethOfAnArcsecond() throws IOException {
        int withSky = 0;
        int without = 0;
        for (AstropyFootprint expected : AstropyFootprint.corpus().values()) {
            String name = expected.name();
            String[] fileAndHdu = name.split("-hdu");
            List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file(fileAndHdu[0]).toString(), AccessOptions.defaults(),
                    WalkOptions.DEFAULT.withGzip(true));
            Hdu hdu = hdus.get(Integer.parseInt(fileAndHdu[1]));
            ObsCore obs = ObsCoreMapper.describe(hdu, hdus.get(0));
            if (!expected.sky()) {
                assertThat(obs.why(ObsCoreColumn.S_REGION)).as(name).isPresent();
                without++;
                continue;
            }
            assertThat(obs.why(ObsCoreColumn.S_RA)).as(name).isEmpty();
            assertThat(expected.differences(obs.real(ObsCoreColumn.S_RA).orElseThrow(),
                    obs.real(ObsCoreColumn.S_DEC).orElseThrow(), obs.real(ObsCoreColumn.S_FOV).orElseThrow(),
                    obs.string(ObsCoreColumn.S_REGION).orElseThrow())).isEmpty();
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
}
