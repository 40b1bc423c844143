package io.astrocloud.describe;

import static io.astrocloud.describe.ObsCoreColumn.ACCESS_ESTSIZE;
import static io.astrocloud.describe.ObsCoreColumn.FACILITY_NAME;
import static io.astrocloud.describe.ObsCoreColumn.INSTRUMENT_NAME;
import static io.astrocloud.describe.ObsCoreColumn.S_REGION;
import static io.astrocloud.describe.ObsCoreColumn.TARGET_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.AstroCloud;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A walk's HDUs described once each, with the file's primary header and the object's size. */
class ObsCoreRowsTest {
    @Test
    void describesEachHduOnceWithThePrimaryHeaderAndTheObjectSize() throws IOException {
        Path file = Corpus.file("pyraf_pset_msstat_input.fits");
        List<Hdu> hdus = AstroCloud.loadHeaders(file.toString(), AccessOptions.defaults(), WalkOptions.DEFAULT);
        ObsCoreRows rows = ObsCoreRows.of(hdus, new ObjectInfo(Files.size(file), "\"etag\""));
        ObsCore sci = rows.row(1);
        assertThat(rows.row(hdus.get(1))).isSameAs(sci);
        assertThat(rows.all()).hasSize(8).element(1).isSameAs(sci);
        // The extension inherits TELESCOP, INSTRUME and OBJECT from the primary header, as the mapper does.
        assertThat(hdus.get(1).value("TELESCOP")).isNull();
        assertThat(sci.string(FACILITY_NAME)).hasValue("HST");
        assertThat(sci.string(INSTRUMENT_NAME)).hasValue("STIS");
        assertThat(sci.string(TARGET_NAME)).hasValue("BIAS");
        assertThat(sci.toMap()).isEqualTo(ObsCoreMapper.describe(hdus.get(1), hdus.get(0),
                new ObjectInfo(Files.size(file), null)).toMap());
        assertThat(sci.string(S_REGION)).get().asString().startsWith("POLYGON ICRS ");
        // 132,480 bytes: 133 kbyte, rounded up.
        assertThat(Files.size(file)).isEqualTo(132_480L);
        assertThat(sci.integer(ACCESS_ESTSIZE)).hasValue(133);
    }

    @Test
    void estimatedSizeIsAbsentWithAReasonWhenTheStoreGaveNone() throws IOException {
        List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file("astropy_ascii.fits").toString(), AccessOptions.defaults(),
                WalkOptions.DEFAULT);
        ObsCore row = ObsCoreRows.of(hdus, ObjectInfo.UNKNOWN).row(0);
        assertThat(row.integer(ACCESS_ESTSIZE)).isEmpty();
        assertThat(row.why(ACCESS_ESTSIZE)).hasValue("the store did not report the object's size");
        assertThat(ObsCoreRows.of(hdus, new ObjectInfo(1000, null)).row(0).integer(ACCESS_ESTSIZE)).hasValue(1);
        assertThat(ObsCoreRows.of(hdus, new ObjectInfo(1001, null)).row(0).integer(ACCESS_ESTSIZE)).hasValue(2);
    }

    @Test
    void holdsOnlyItsOwnHdusAndNeedsTheWalkFromThePrimary() throws IOException {
        Path file = Corpus.file("astropy_ascii.fits");
        List<Hdu> hdus = AstroCloud.loadHeaders(file.toString(), AccessOptions.defaults(), WalkOptions.DEFAULT);
        ObsCoreRows rows = ObsCoreRows.of(hdus, ObjectInfo.UNKNOWN);
        Hdu sameHeaderOtherWalk = AstroCloud.loadHeaders(file.toString(), AccessOptions.defaults(), WalkOptions.DEFAULT).get(1);
        assertThat(rows.holds(hdus.get(1))).isTrue();
        assertThat(rows.holds(sameHeaderOtherWalk)).isFalse();
        assertThatThrownBy(() -> rows.row(sameHeaderOtherWalk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HDU 1");
        assertThatThrownBy(() -> ObsCoreRows.of(hdus.subList(1, 2), ObjectInfo.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item 0 is HDU 1");
        assertThat(ObsCoreRows.of(List.of(), ObjectInfo.UNKNOWN).all()).isEmpty();
    }
}
