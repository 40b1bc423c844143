package io.astrocloud.describe;

import static io.astrocloud.describe.ObsCoreColumn.ACCESS_URL;
import static io.astrocloud.describe.ObsCoreColumn.DATAPRODUCT_TYPE;
import static io.astrocloud.describe.ObsCoreColumn.EM_MIN;
import static io.astrocloud.describe.ObsCoreColumn.INSTRUMENT_NAME;
import static io.astrocloud.describe.ObsCoreColumn.OBS_ID;
import static io.astrocloud.describe.ObsCoreColumn.S_FOV;
import static io.astrocloud.describe.ObsCoreColumn.S_RA;
import static io.astrocloud.describe.ObsCoreColumn.S_REGION;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL1;
import static io.astrocloud.describe.ObsCoreColumn.S_XEL2;
import static io.astrocloud.describe.ObsCoreColumn.T_EXPTIME;
import static io.astrocloud.describe.ObsCoreColumn.T_MAX;
import static io.astrocloud.describe.ObsCoreColumn.T_MIN;
import static io.astrocloud.describe.ObsCoreColumn.T_SCALE;
import static io.astrocloud.describe.ObsCoreColumn.TARGET_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.testkit.Corpus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the mapper says when it cannot derive a column, and the contract of its values. */
class ObsCoreMapperTest {
    private static final SkyColumns NO_SKY = SkyColumns.absent("no celestial WCS");
    private static final String URL = "s3://bucket/a.fits";

    @Test
    void rowMapListsValuesInColumnOrderThenEveryReason() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("OBJECT", "M 51"))), primary(), URL, NO_SKY);
        Map<String, Object> map = obs.toMap();
        List<String> keys = new ArrayList<>(map.keySet());
        assertThat(keys.get(keys.size() - 1)).isEqualTo("why");
        assertThat(keys.subList(0, keys.size() - 1)).containsExactly("dataproduct_type", "obs_id", "access_url",
                "access_format", "target_name", "s_xel1", "s_xel2");
        @SuppressWarnings("unchecked")
        Map<String, String> why = (Map<String, String>) map.get("why");
        assertThat(why).hasSize(ObsCoreColumn.values().length - 7).containsEntry("s_ra", "no celestial WCS")
                .containsKey("t_min");
    }

    @Test
    void skyColumnsAreTakenAsGivenWithTheirReasons() {
        Map<ObsCoreColumn, Object> values = new EnumMap<>(ObsCoreColumn.class);
        values.put(S_RA, 10.5);
        values.put(ObsCoreColumn.S_DEC, -20.25);
        values.put(S_FOV, 0.2);
        values.put(S_REGION, "POLYGON ICRS 10.4 -20.3 10.6 -20.3 10.6 -20.2 10.4 -20.2");
        values.put(ObsCoreColumn.S_PIXEL_SCALE, 0.4);
        SkyColumns sky = new SkyColumns(values, Map.of(ObsCoreColumn.S_RESOLUTION, "no PSF keyword"));
        ObsCore obs = ObsCoreMapper.describe(image(List.of()), primary(), URL, sky);
        assertThat(obs.real(S_RA)).hasValue(10.5);
        assertThat(obs.string(S_REGION)).hasValueSatisfying(s -> assertThat(s).startsWith("POLYGON ICRS"));
        assertThat(obs.why(ObsCoreColumn.S_RESOLUTION)).hasValue("no PSF keyword");
    }

    @Test
    void everyColumnNeedsAValueOfItsTypeOrAReason() {
        assertThatThrownBy(() -> new SkyColumns(Map.of(S_RA, 1.0), Map.of()))
                .hasMessageContaining("s_dec has neither a value nor a reason");
        assertThatThrownBy(() -> new SkyColumns(Map.of(S_RA, "10"), reasonsForSkyBut(S_RA)))
                .hasMessageContaining("s_ra must be REAL");
        assertThatThrownBy(() -> new SkyColumns(Map.of(T_MIN, 1.0), reasonsForSkyBut(null)))
                .hasMessageContaining("t_min is not one of");
        assertThatThrownBy(() -> new SkyColumns(Map.of(S_RA, Double.NaN), reasonsForSkyBut(S_RA)))
                .hasMessageContaining("s_ra must be REAL");
    }

    @Test
    void inheritFalseKeepsThePrimaryOutAndSaysWhatItHad() {
        List<Card> primary = primary(card("INSTRUME", "WFC"), card("DATE-OBS", "2005-10-01T21:00:00"));
        ObsCore refused = ObsCoreMapper.describe(image(List.of(card("INHERIT", false))), primary, URL, NO_SKY);
        assertThat(refused.why(INSTRUMENT_NAME)).hasValue(
                "no INSTRUME; the primary header has INSTRUME = 'WFC' but INHERIT = F");
        assertThat(refused.why(T_MIN).orElseThrow()).contains("none of MJD-BEG, DATE-BEG, TSTART");
        ObsCore inherited = ObsCoreMapper.describe(image(List.of()), primary, URL, NO_SKY);
        assertThat(inherited.string(INSTRUMENT_NAME)).hasValue("WFC");
        assertThat(inherited.real(T_MIN)).hasValue(53644.875);
    }

    @Test
    void structureWcsAndExtnameAreNeverInherited() {
        List<Card> primary = primary(card("CTYPE1", "WAVE"), card("EXTNAME", "PRIMARY"), card("TIMEDEL", 1.0));
        ObsCore obs = ObsCoreMapper.describe(image(List.of()), primary, URL, NO_SKY);
        assertThat(obs.string(DATAPRODUCT_TYPE)).hasValue("image");
        assertThat(obs.why(ObsCoreColumn.T_RESOLUTION)).hasValue("no TIMEDEL in this header");
    }

    @Test
    void relativeTimesWithoutAReferenceAreRefusedNotDatedTo1858() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("TSTART", 1.0e8), card("TSTOP", 1.0e8 + 10))),
                primary(), URL, NO_SKY);
        assertThat(obs.why(T_MIN).orElseThrow()).contains("TSTART not used: no reference time (MJDREF");
        assertThat(obs.why(T_SCALE)).hasValue("no t_min or t_max");
    }

    @Test
    void aStopBeforeTheStartLeavesBothAbsent() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("DATE-OBS", "2012-05-05T10:00:00"),
                card("DATE-END", "2012-05-04T10:00:00"))), primary(), URL, NO_SKY);
        assertThat(obs.why(T_MIN).orElseThrow()).startsWith("the header contradicts itself: the stop (DATE-END");
        assertThat(obs.why(T_MAX)).isEqualTo(obs.why(T_MIN));
    }

    @Test
    void chandraExposureIsTheObservationsNotTheFrameTime() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("EXPTIME", 3.1), card("EXPOSURE", 4998.98),
                card("DATE-OBS", "2016-01-26T17:58:29"))), primary(), URL, NO_SKY);
        assertThat(obs.real(T_EXPTIME)).hasValue(4998.98);
        ObsCore elapsedOnly = ObsCoreMapper.describe(image(List.of(card("TELAPSE", 100.0))), primary(), URL, NO_SKY);
        assertThat(elapsedOnly.why(T_EXPTIME).orElseThrow()).contains("TELAPSE is elapsed time, not exposure");
    }

    @Test
    void unusableDatesAreNamedInTheReason() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("DATE-OBS", "07/06/2011"))), primary(), URL, NO_SKY);
        assertThat(obs.why(T_MIN).orElseThrow()).contains("DATE-OBS = '07/06/2011' is not a FITS date");
        ObsCore nonScale = ObsCoreMapper.describe(image(List.of(card("TIMESYS", "MJD"), card("MJDREF", 43874L),
                card("TSTART", 0.0))), primary(), URL, NO_SKY);
        assertThat(nonScale.why(T_MIN).orElseThrow()).contains("TSTART not used: TIMESYS = 'MJD' is not a FITS time scale");
    }

    @Test
    void anAxisOfUnknownTypeLeavesTheProductTypeAbsentNamingIt() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of(card("CTYPE1", "LAMBDA"), card("CTYPE2", "ANGLE"))),
                primary(), URL, NO_SKY);
        assertThat(obs.why(DATAPRODUCT_TYPE).orElseThrow()).startsWith("CTYPE1 = 'LAMBDA' is not a coordinate type");
        assertThat(obs.why(S_XEL1)).isEqualTo(obs.why(DATAPRODUCT_TYPE));
    }

    @Test
    void velocityAxesGiveNoWavelengthsAndSaySo() {
        List<Card> cube = new ArrayList<>(List.of(card("XTENSION", "IMAGE"), card("BITPIX", 16L), card("NAXIS", 3L),
                card("NAXIS1", 10L), card("NAXIS2", 10L), card("NAXIS3", 30L), card("CTYPE3", "FELO-HEL")));
        ObsCore obs = ObsCoreMapper.describe(cube, primary(), URL, NO_SKY);
        assertThat(obs.string(DATAPRODUCT_TYPE)).hasValue("cube");
        assertThat(obs.why(EM_MIN).orElseThrow()).startsWith("CTYPE3 = 'FELO-HEL' is a velocity or redshift axis");
    }

    @Test
    void accessUrlLosesQueryFragmentAndCredentials() {
        ObsCore obs = ObsCoreMapper.describe(image(List.of()), primary(),
                "https://user:secret@host.example/d/obs%20one.fits.gz?X-Amz-Signature=abc&sig=x#part", NO_SKY);
        assertThat(obs.string(ACCESS_URL)).hasValue("https://host.example/d/obs%20one.fits.gz");
        assertThat(obs.string(OBS_ID)).hasValue("obs one");
        assertThat(obs.toMap().toString()).doesNotContain("secret", "abc", "sig=");
    }

    @Test
    void hostileStructureGivesReasonsNotExceptions() {
        List<Card> bad = List.of(card("XTENSION", "IMAGE"), card("BITPIX", 16L), card("NAXIS", "two"));
        assertThat(ObsCoreMapper.describe(bad, primary(), URL, NO_SKY).why(DATAPRODUCT_TYPE))
                .hasValue("NAXIS = two is not an axis count");
        List<Card> huge = List.of(card("XTENSION", "IMAGE"), card("BITPIX", 16L), card("NAXIS", 1_000_000_000L));
        assertThat(ObsCoreMapper.describe(huge, primary(), URL, NO_SKY).why(DATAPRODUCT_TYPE).orElseThrow())
                .contains("is not an axis count");
        List<Card> compressed = List.of(card("XTENSION", "BINTABLE"), card("BITPIX", 8L), card("NAXIS", 2L),
                card("ZIMAGE", true), card("ZBITPIX", 16L), card("ZNAXIS", 2L), card("ZNAXIS1", 5L));
        assertThat(ObsCoreMapper.describe(compressed, primary(), URL, NO_SKY).why(DATAPRODUCT_TYPE).orElseThrow())
                .contains("ZNAXIS2 is missing");
        List<Card> times = List.of(card("XTENSION", "IMAGE"), card("NAXIS", 0L), card("MJD-OBS", "soon"),
                card("EXPTIME", Double.POSITIVE_INFINITY), card("TIME-OBS", 12L), card("DATE-OBS", "2020-13-45"));
        ObsCore obs = ObsCoreMapper.describe(times, primary(), URL, NO_SKY);
        assertThat(obs.why(T_MIN).orElseThrow()).contains("DATE-OBS = '2020-13-45' is not a FITS date",
                "MJD-OBS = 'soon' is not a number");
        assertThat(obs.why(T_EXPTIME).orElseThrow()).contains("EXPTIME = Infinity is not a duration");
    }

    @Test
    void aWalkedCompressedHduIsDescribedThroughItsImageView() throws Exception {
        List<Hdu> hdus;
        try (HeaderWalk walk = HeaderWalk.over(new FileRangeSource(Corpus.file("astropy_comp.fits")),
                WalkOptions.DEFAULT)) {
            hdus = walk.toList();
        }
        ObsCore obs = ObsCoreMapper.describe(hdus.get(1), hdus.get(0));
        assertThat(obs.string(DATAPRODUCT_TYPE)).hasValue("image");
        assertThat(obs.string(ObsCoreColumn.S_REGION)).get().asString().startsWith("POLYGON ICRS ");
        assertThat(obs.integer(S_XEL1)).hasValue(440);
        assertThat(obs.integer(S_XEL2)).hasValue(300);
        assertThat(obs.string(TARGET_NAME)).hasValue("NGC 1316");
        assertThat(ObsCoreMapper.describe(hdus.get(0), hdus.get(0)).why(DATAPRODUCT_TYPE))
                .hasValue("no data array (NAXIS = 0)");
    }

    private static Map<ObsCoreColumn, String> reasonsForSkyBut(ObsCoreColumn except) {
        Map<ObsCoreColumn, String> why = new EnumMap<>(ObsCoreColumn.class);
        ObsCoreColumn.SKY.stream().filter(c -> c != except).forEach(c -> why.put(c, "not computed"));
        return why;
    }

    private static Card card(String keyword, Object value) {
        return new Card(keyword, value, "");
    }

    private static List<Card> primary(Card... extra) {
        List<Card> cards = new ArrayList<>(List.of(card("SIMPLE", true), card("BITPIX", 8L), card("NAXIS", 0L)));
        cards.addAll(List.of(extra));
        return cards;
    }

    /** A 100x80 IMAGE extension with these cards after its structure. */
    private static List<Card> image(List<Card> extra) {
        List<Card> cards = new ArrayList<>(List.of(card("XTENSION", "IMAGE"), card("BITPIX", 16L), card("NAXIS", 2L),
                card("NAXIS1", 100L), card("NAXIS2", 80L), card("PCOUNT", 0L), card("GCOUNT", 1L)));
        cards.addAll(extra);
        return cards;
    }
}
