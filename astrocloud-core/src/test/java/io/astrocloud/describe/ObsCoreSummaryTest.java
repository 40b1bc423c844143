package io.astrocloud.describe;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.AstroCloud;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summary of a row: type and size, centre and field, time span, exposure, who, target. */
class ObsCoreSummaryTest {
    @Test
    void summarisesACorpusImageWithItsSkyAndACorpusEventListWithItsTimes() throws IOException {
        List<Hdu> comp = AstroCloud.loadHeaders(Corpus.file("astropy_comp.fits").toString(), AccessOptions.defaults(),
                WalkOptions.DEFAULT);
        assertThat(ObsCoreSummary.line(ObsCoreRows.of(comp, ObjectInfo.UNKNOWN).row(1))).isEqualTo(
                "image 440x300, centre 50.6872 -37.2015, field 1.04 deg, no time, Optical, target NGC 1316");
        List<Hdu> chandra = AstroCloud.loadHeaders(Corpus.file("astropy_chandra_time.fits").toString(),
                AccessOptions.defaults(), WalkOptions.DEFAULT);
        // astropy.time: TSTART 570218309.89 s after MJDREF 50814 (TT) is 2016-01-26T17:58:29.891 TT; TSTOP 6447.25 s later.
        assertThat(ObsCoreSummary.line(ObsCoreRows.of(chandra, ObjectInfo.UNKNOWN).row(1))).isEqualTo(
                "event, no sky position, 2016-01-26T17:58:30 .. +6447 s TT, exposure 4999 s, CHANDRA/ACIS,"
                        + " target Mrk 1434");
        assertThat(ObsCoreSummary.line(ObsCoreRows.of(chandra, ObjectInfo.UNKNOWN).row(0)))
                .isEqualTo("no product type, no sky position, no time");
    }

    @Test
    void aCubeShowsItsThirdAxisAndSmallFieldsReadInArcminutesOrArcseconds() {
        List<Card> cube = List.of(new Card("SIMPLE", true, ""), new Card("BITPIX", -32L, ""),
                new Card("NAXIS", 3L, ""), new Card("NAXIS1", 64L, ""), new Card("NAXIS2", 32L, ""),
                new Card("NAXIS3", 500L, ""), new Card("CTYPE1", "RA---TAN", ""), new Card("CTYPE2", "DEC--TAN", ""),
                new Card("CTYPE3", "FREQ", ""), new Card("CRPIX1", 32.5, ""), new Card("CRPIX2", 16.5, ""),
                new Card("CRVAL1", 150.0, ""), new Card("CRVAL2", -2.5, ""), new Card("CDELT1", -1e-3, ""),
                new Card("CDELT2", 1e-3, ""), new Card("CRVAL3", 1.4e9, ""), new Card("CDELT3", 1e5, ""),
                new Card("CRPIX3", 1.0, ""), new Card("MJD-OBS", 58689.5, ""), new Card("XPOSURE", 30.5, ""));
        String line = ObsCoreSummary.line(ObsCoreMapper.describe(cube, cube, "s3://b/cube.fits"));
        // astropy.time: MJD 58689.5 is 2019-07-25T12:00:00; the field is 3.84 by 1.92 arcmin, 4.29 across.
        assertThat(line).startsWith("cube 64x32x500, centre 150.0000 -2.5000, field 4.3 arcmin, "
                + "2019-07-25T12:00:00 .. +30.5 s, exposure 30.5 s");
    }

    @Test
    void formatsDatesDurationsAndAngles() {
        assertThat(ObsCoreSummary.date(51544.5)).isEqualTo("2000-01-01T12:00:00");
        assertThat(ObsCoreSummary.date(0.0)).isEqualTo("1858-11-17T00:00:00");
        assertThat(ObsCoreSummary.date(59000.999999999)).isEqualTo("2020-06-01T00:00:00");
        assertThat(ObsCoreSummary.seconds(1800)).isEqualTo("1800 s");
        assertThat(ObsCoreSummary.seconds(0.0315)).isEqualTo("0.032 s");
        assertThat(ObsCoreSummary.seconds(30.000000026)).isEqualTo("30 s");
        assertThat(ObsCoreSummary.seconds(30.46)).isEqualTo("30.5 s");
        assertThat(ObsCoreSummary.seconds(27.87 * 86400)).isEqualTo("27.87 d");
        assertThat(ObsCoreSummary.angle(12.3456)).isEqualTo("12.35 deg");
        assertThat(ObsCoreSummary.angle(2.7 / 60)).isEqualTo("2.7 arcmin");
        assertThat(ObsCoreSummary.angle(18.4 / 3600)).isEqualTo("18.4 arcsec");
    }
}
