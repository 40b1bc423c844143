package io.astrocloud.wcs;

import static io.astrocloud.wcs.TestHeaders.header;
import static io.astrocloud.wcs.TestHeaders.tanImage;
import static io.astrocloud.wcs.TestHeaders.why;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each reason a header has no celestial WCS here, stated rather than guessed around. */
class NoSkyWcsTest {

    @Test
    void helioprojectiveAxesAreNotPlacesOnTheSky() {
        assertThat(why(tanImage("CTYPE1", "HPLN-TAN", "CTYPE2", "HPLT-TAN", "CUNIT1", "arcsec", "CUNIT2", "arcsec")))
            .contains("helioprojective", "HPLN/HPLT");
    }

    @Test
    void heliographicAndTerrestrialAxesAreNotPlacesOnTheSky() {
        assertThat(why(tanImage("CTYPE1", "HGLN-CAR", "CTYPE2", "HGLT-CAR"))).contains("heliographic");
        assertThat(why(tanImage("CTYPE1", "CRLN-CAR", "CTYPE2", "CRLT-CAR"))).contains("heliographic");
        assertThat(why(tanImage("CTYPE1", "TLON-CAR", "CTYPE2", "TLAT-CAR"))).contains("terrestrial");
    }

    @Test
    void otherLongitudeLatitudePairsAreNamed() {
        assertThat(why(tanImage("CTYPE1", "SLON-TAN", "CTYPE2", "SLAT-TAN")))
            .contains("SLON/SLAT", "not a frame turned into ICRS");
    }

    @Test
    void linearAxesAreNotCelestial() {
        assertThat(why(tanImage("CTYPE1", "X", "CTYPE2", "Y")))
            .isEqualTo("no celestial axes: CTYPE1 = 'X', CTYPE2 = 'Y'");
        assertThat(why(tanImage("CTYPE1", "LAMBDA", "CTYPE2", "ANGLE"))).startsWith("no celestial axes");
    }

    @Test
    void aHeaderWithoutCtypeHasNoWorldCoordinates() {
        assertThat(why(tanImage("CTYPE1", null, "CTYPE2", null))).contains("no CTYPEn");
        assertThat(why(header("NAXIS", 0L))).contains("no CTYPEn");
    }

    @Test
    void alternateDescriptionsAreNamedButNotRead() {
        WcsKeywords onlyAlternates = header("NAXIS", 0L, "CTYPE1A", "RA---SZP", "CTYPE2A", "DEC--SZP",
            "CTYPE3B", "FREQ");
        assertThat(why(onlyAlternates)).contains("alternate descriptions [A, B] are not read");
    }

    @Test
    void aCelestialAxisNeedsItsPartner() {
        assertThat(why(tanImage("CTYPE2", "FREQ"))).contains("unmatched celestial axis: CTYPE1 = 'RA---TAN'");
        assertThat(why(tanImage("CTYPE2", "GLAT-TAN"))).contains("are not a pair of celestial axes");
        assertThat(why(tanImage("CTYPE2", "DEC--SIN"))).contains("inconsistent projections");
    }

    @Test
    void projectionsNotImplementedAreNamed() {
        assertThat(why(tanImage("CTYPE1", "RA---AZP", "CTYPE2", "DEC--AZP")))
            .contains("projection AZP is not implemented");
        assertThat(why(tanImage("CTYPE1", "RA---TPV", "CTYPE2", "DEC--TPV")))
            .contains("projection TPV is not implemented");
        assertThat(why(tanImage("CTYPE1", "RA---HPX", "CTYPE2", "DEC--HPX"))).contains("HPX");
        assertThat(why(tanImage("CTYPE1", "RA---TAB", "CTYPE2", "DEC--TAB"))).contains("-TAB");
    }

    @Test
    void scampDistortionWrittenAsTanIsNotMistakenForFiducialOffsets() {
        String why = why(tanImage("PV1_0", 0.0, "PV1_1", 1.0, "PV1_2", 0.0, "PV2_0", 0.0, "PV2_1", 1.0,
            "PV1_4", 1e-3, "PV2_4", 2e-3));
        assertThat(why).contains("TPV");
    }

    @Test
    void referenceSystemsThatAreNotFixedAreRefused() {
        assertThat(why(tanImage("RADESYS", "GAPPT"))).contains("GAPPT");
        assertThat(why(tanImage("RADESYS", "FK6"))).contains("RADESYS = 'FK6' is not a reference system");
    }

    @Test
    void celestialAxesCoupledToASpectralAxisDependOnIt() {
        WcsKeywords cube = tanImage("NAXIS", 3L, "NAXIS3", 10L, "CTYPE3", "FREQ", "PC1_3", 0.01);
        assertThat(why(cube)).contains("PC1_3 couples celestial axis 1 with pixel axis 3");
    }

    @Test
    void lookupTableDistortionsInOtherHdusAreNotApplied() {
        assertThat(why(tanImage("CPDIS1", "Lookup"))).contains("CPDIS1", "lookup-table");
        assertThat(why(tanImage("D2IMDIS2", "Lookup"))).contains("D2IMDIS2");
    }

    @Test
    void sipNeedsBothPolynomialsOnPixelAxesOneAndTwo() {
        assertThat(why(tanImage("A_ORDER", 2L, "A_2_0", 1e-6))).contains("A_ORDER = 2 without B_ORDER");
        assertThat(why(tanImage("B_ORDER", 2L))).contains("B_ORDER = 2 without A_ORDER");
        assertThat(why(tanImage("AP_ORDER", 2L, "BP_ORDER", 2L))).contains("without A_ORDER");
        WcsKeywords cube = header("NAXIS", 3L, "NAXIS1", 5L, "NAXIS2", 10L, "NAXIS3", 10L, "CTYPE1", "FREQ",
            "CTYPE2", "RA---TAN-SIP", "CTYPE3", "DEC--TAN-SIP", "A_ORDER", 2L, "B_ORDER", 2L);
        assertThat(why(cube)).contains("applies to pixel axes 1 and 2, but the celestial axes are 2 and 3");
    }

    @Test
    void unitsMustBeAngles() {
        assertThat(why(tanImage("CUNIT1", "m"))).contains("CUNIT1 = 'm' is not an angle unit");
    }

    @Test
    void ncpOnTheEquatorIsUndefined() {
        assertThat(why(tanImage("CTYPE1", "RA---NCP", "CTYPE2", "DEC--NCP", "CRVAL2", 0.0))).contains("NCP", "equator");
    }

    @Test
    void aPoleThatCannotBePlacedIsAReason() {
        // CAR with the native pole 90 degrees from the fiducial point: only a reference point on the equator fits.
        WcsKeywords car = tanImage("CTYPE1", "RA---CAR", "CTYPE2", "DEC--CAR", "LONPOLE", 90.0);
        assertThat(why(car)).contains("no celestial pole fits");
        WcsKeywords impossible = tanImage("CTYPE1", "RA---CAR", "CTYPE2", "DEC--CAR", "CRVAL2", 60.0, "LONPOLE", 120.0);
        assertThat(why(impossible)).contains("no celestial pole fits");
    }
}
