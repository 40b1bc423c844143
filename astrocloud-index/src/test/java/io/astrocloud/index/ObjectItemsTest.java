package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The file item and the HDU items of one version, without a table: what they hold, that the file
 * item reads back to the same version, and which HDUs get an item.
 */
class ObjectItemsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Sequencer SEQ = Sequencer.of("0065A1B2C3D4E5F601");

    private static IndexedObject indexed(String url, List<HduSpec> hdus, Path dir) throws Exception {
        Path file = dir.resolve("file.fits");
        SparseFitsWriter.write(file, hdus);
        try (HeaderWalk walk = HeaderWalk.over(new SourceResolver(AccessOptions.builder().build())
                .open(file.toUri().toString()), HeaderReader.WALK)) {
            ObjectVersion version = new ObjectVersion("fits-archive", url.substring("s3://fits-archive/".length()),
                    null, Files.size(file), "d41d8cd98f00b204e9800998ecf8427e");
            return IndexedObject.indexed(new HeaderReader.FileHeaders(version, walk.toList(), walk.warnings(), 1, 0),
                    SEQ, NOW);
        }
    }

    @Test
    void theHstLikeFileIsOneSmallFileItemAndOneHduItem(@TempDir Path dir) throws Exception {
        IndexedObject o = indexed("s3://fits-archive/hst/ibxl50clq_raw.fits", SyntheticFits.hstWfc3Ir(16), dir);
        assertThat(o.hdus()).hasSize(81);
        ObjectItems.Encoded items = ObjectItems.encode(o);
        assertThat(items.parts()).isEmpty();
        assertThat(items.file().get(IndexSchema.HDUS_GZIP).b().asByteArray().length).isBetween(3_000, 10_000);
        assertThat(items.file().get(IndexSchema.DERIVED_ITEMS).n()).isEqualTo("2");
        // The primary header holds no data; the 80 extensions (5 kinds x 16 reads) describe one observation,
        // the 16 SCI images with their sky footprint (they alone carry a celestial WCS), the 64 others without.
        List<Map<String, AttributeValue>> hduItems = HduItems.of(o);
        assertThat(hduItems).hasSize(2);
        List<Integer> sci = new java.util.ArrayList<>();
        for (int read = 0; read < 16; read++) {
            sci.add(1 + 5 * read);
        }
        assertThat(hduItems).anySatisfy(i -> {
            assertThat(HduRanges.parse(i.get(IndexSchema.HDUS).s())).isEqualTo(sci);
            assertThat(i.get("s_region").s()).startsWith("POLYGON ICRS ");
        });
        assertThat(hduItems).allSatisfy(i -> {
            assertThat(i.get(IndexSchema.SK).s()).isIn(IndexSchema.hduItemKey(o.version(), 0),
                    IndexSchema.hduItemKey(o.version(), 1));
            assertThat(i.get("target_name").s()).isEqualTo("NGC-6397");
            assertThat(i.get(IndexSchema.TARGET_KEY).s()).isEqualTo("ngc6397");
            assertThat(i.get(IndexSchema.INSTRUMENT_KEY).s()).matches("wfc3#[0-7]");
            assertThat(i.get(IndexSchema.FILTER_KEY).s()).isEqualTo("f160w");
            assertThat(i.get(IndexSchema.OBS_TIME).s()).isEqualTo("2010-04-28T05:23:54.000");
            assertThat(i.get("dataproduct_type").s()).isEqualTo("image");
        });
        int covered = hduItems.stream().mapToInt(i -> HduRanges.parse(i.get(IndexSchema.HDUS).s()).size()).sum();
        assertThat(covered).isEqualTo(80);
    }

    @Test
    void theFileItemReadsBackToTheSameVersion(@TempDir Path dir) throws Exception {
        IndexedObject o = indexed("s3://fits-archive/hst/ibxl50clq_raw.fits", SyntheticFits.hstWfc3Ir(2), dir);
        ObjectItems.Encoded items = ObjectItems.encode(o);
        // Cards compare as JSON text: a parsed 16 is an IntNode, the card mapper's a LongNode.
        assertThat(ObjectItems.decode(items.file(), items.parts())).usingRecursiveComparison()
                .withComparatorForType((a, b) -> FitsJson.text(a).compareTo(FitsJson.text(b)), JsonNode.class)
                .isEqualTo(o);
        IndexedObject gone = IndexedObject.deleted(o.object(), Sequencer.of("0065A1B2C3D4E5F701"), NOW, NOW.plusSeconds(60));
        assertThat(ObjectItems.decode(ObjectItems.encode(gone).file(), List.of())).isEqualTo(gone);
        assertThat(ObjectItems.encode(gone).file()).doesNotContainKeys(IndexSchema.HDUS_GZIP, IndexSchema.HDU_COUNT)
                .containsKey(IndexSchema.EXPIRES_AT);
    }

    @Test
    void aBlobPastTheSliceGoesIntoPartsOfItsVersionAndAMissingPartIsAnError() throws Exception {
        StringBuilder noise = new StringBuilder();
        java.util.Random rnd = new java.util.Random(5);
        io.astrocloud.testkit.fits.HeaderText h = new io.astrocloud.testkit.fits.HeaderText()
                .logical("SIMPLE", true, "").integer("BITPIX", 8, "").integer("NAXIS", 0, "");
        for (int i = 0; i < 20_000; i++) {
            noise.setLength(0);
            for (int j = 0; j < 64; j++) {
                noise.append(Integer.toHexString(rnd.nextInt(16)));
            }
            h.history(noise.toString());
        }
        byte[] bytes = h.end();
        IndexedObject o;
        try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource("s3://fits-archive/big.fits", bytes),
                HeaderReader.WALK)) {
            o = IndexedObject.indexed(new HeaderReader.FileHeaders(new ObjectVersion("fits-archive", "big.fits", null,
                    bytes.length, "e1"), walk.toList(), walk.warnings(), 1, 0), SEQ, NOW);
        }
        ObjectItems.Encoded items = ObjectItems.encode(o);
        assertThat(items.parts()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get(IndexSchema.SK).s()).startsWith(IndexSchema.versionPrefix(o.version()) + "P#");
            assertThat(p.get(IndexSchema.BLOB_SLICE).b().asByteArray().length).isLessThanOrEqualTo(ObjectItems.SLICE);
        });
        assertThat(ObjectItems.decode(items.file(), items.parts()).hdus().get(0).cards()).hasSize(20_003);
        assertThatThrownBy(() -> ObjectItems.decode(items.file(), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("s3://fits-archive/big.fits");
    }

    @Test
    void theVersionIsTheEventsWhateverTheDelivery() {
        String a = IndexVersion.of(SEQ, IndexSchema.FileStatus.INDEXED, "e1");
        assertThat(a).matches("[0-9a-f]{16}").isEqualTo(IndexVersion.of(Sequencer.of("0065a1b2c3d4e5f601"),
                IndexSchema.FileStatus.INDEXED, "e1"));
        assertThat(IndexVersion.of(Sequencer.of("0065A1B2C3D4E5F602"), IndexSchema.FileStatus.INDEXED, "e1")).isNotEqualTo(a);
        assertThat(IndexVersion.of(Sequencer.NONE, IndexSchema.FileStatus.INDEXED, "e1"))
                .isNotEqualTo(IndexVersion.of(Sequencer.NONE, IndexSchema.FileStatus.INDEXED, "e2"));
    }

    @Test
    void anInvalidOrRemovedObjectHasNoHduItems() {
        ObjectVersion v = new ObjectVersion("b", "k.fits", null, 3, "e");
        assertThat(HduItems.of(IndexedObject.invalid(v, SEQ, "not FITS", NOW))).isEmpty();
        assertThat(HduItems.of(IndexedObject.deleted(v, SEQ, NOW, NOW))).isEmpty();
        assertThat(HduItems.obsTime(java.util.OptionalDouble.of(51544.5))).isEqualTo("2000-01-01T12:00:00.000");
        assertThat(HduItems.obsTime(java.util.OptionalDouble.empty())).isEqualTo(IndexSchema.UNDATED);
        assertThat(ObsCoreColumn.T_MIN.columnName()).isEqualTo("t_min");
    }
}
