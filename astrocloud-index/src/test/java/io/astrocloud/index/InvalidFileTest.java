package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.HeaderText;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Files that are not FITS, empty or truncated become INVALID file items with the reason. */
class InvalidFileTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("invalid-files");
    }

    private static Map<String, AttributeValue> invalid(String key, byte[] bytes) throws IndexingException {
        ObjectEvent e = f.upload(key, bytes);
        IndexOutcome outcome = f.indexer.apply(e);
        assertThat(outcome.result()).as(outcome.toString()).isEqualTo(IndexOutcome.Result.INVALID);
        Map<String, AttributeValue> file = f.fileItem(e.objectUrl());
        assertThat(file.get("fileStatus").s()).isEqualTo("INVALID");
        assertThat(file.get("invalidReason").s()).isEqualTo(outcome.detail()).contains(e.objectUrl());
        assertThat(f.items(e.objectUrl())).hasSize(1);
        return file;
    }

    @Test
    void aTextFileNamedFitsIsInvalid() throws IndexingException {
        Map<String, AttributeValue> file = invalid("uploads/notes.fits",
                "This is not a FITS file, just text that someone named .fits by mistake.\n"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(file.get("invalidReason").s()).contains("not a FITS file").contains("HDU 0").contains("byte 0");
        assertThat(file.get("hduCount").n()).isEqualTo("0");
    }

    @Test
    void anEmptyObjectIsInvalid() throws IndexingException {
        invalid("uploads/empty.fits", new byte[0]);
    }

    @Test
    void aFileCutInsideItsDataIsInvalidAndNamesTheHduAndOffset() throws IndexingException {
        byte[] whole = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(21, 3));
        byte[] cut = Arrays.copyOf(whole, whole.length - 2880 + 100);
        Map<String, AttributeValue> file = invalid("uploads/cut.fits", cut);
        assertThat(file.get("invalidReason").s()).contains("HDU 3").contains("byte " + (whole.length - 2880))
                .contains("truncated");
    }

    @Test
    void aFileCutInsideAHeaderIsInvalid() throws IndexingException {
        byte[] whole = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(22, 2));
        Map<String, AttributeValue> file = invalid("uploads/cut-header.fits", Arrays.copyOf(whole, 2880 + 1000));
        assertThat(file.get("invalidReason").s()).contains("HDU 1");
    }

    @Test
    void aHeaderWhoseSizesOverflowIsInvalid() throws IndexingException {
        byte[] hostile = new HeaderText().logical("SIMPLE", true, "").integer("BITPIX", 64, "").integer("NAXIS", 2, "")
                .integer("NAXIS1", 4_611_686_018_427_387_904L, "").integer("NAXIS2", 4, "").end();
        Map<String, AttributeValue> file = invalid("uploads/hostile.fits", hostile);
        assertThat(file.get("invalidReason").s()).contains("HDU 0").contains("byte 0");
    }

    @Test
    void aValidReUploadReplacesTheInvalidRecord() throws IndexingException {
        invalid("uploads/fixed.fits", "SIMPLE? no.".getBytes(StandardCharsets.US_ASCII));
        ObjectEvent fixed = f.upload("uploads/fixed.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(23, 1)));
        assertThat(f.indexer.apply(fixed).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        Map<String, AttributeValue> file = f.fileItem(fixed.objectUrl());
        assertThat(file.get("fileStatus").s()).isEqualTo("INDEXED");
        assertThat(file).doesNotContainKey("invalidReason");
    }
}
