package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.HeaderText;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Headers past DynamoDB's 400 KB item limit are indexed in full: compressed into the file item's
 * blob, and when even that is too big, sliced across part items of the version. Read back, the
 * cards equal the ones the walker reads from the file.
 */
class LargeHeaderTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("large-headers");
    }

    /** A primary header with {@code cards} HISTORY cards, random text when {@code random}, then an image extension. */
    private static byte[] file(int cards, boolean random) {
        Random rnd = new Random(cards);
        HeaderText h = new HeaderText().logical("SIMPLE", true, "").integer("BITPIX", 8, "").integer("NAXIS", 0, "")
                .logical("EXTEND", true, "").string("OBJECT", "CROWDED-FIELD", "");
        for (int i = 0; i < cards; i++) {
            if (random) {
                StringBuilder s = new StringBuilder();
                for (int j = 0; j < 64; j++) {
                    s.append(Integer.toHexString(rnd.nextInt(16)));
                }
                h.history(s.toString());
            } else {
                h.history("Processing step " + i + " applied flat field and bias correction to frame " + (i % 97));
            }
        }
        HduSpec primary = new HduSpec(h.end(), 0);
        HduSpec image = new HduSpec(new HeaderText().string("XTENSION", "IMAGE", "").integer("BITPIX", 16, "")
                .integer("NAXIS", 1, "").integer("NAXIS1", 10, "").integer("PCOUNT", 0, "").integer("GCOUNT", 1, "")
                .end(), 20);
        return SparseFitsWriter.toBytes(List.of(primary, image));
    }

    private static JsonNode walkedCards(byte[] bytes) throws IOException {
        try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource("mem://file", bytes), WalkOptions.DEFAULT)) {
            Hdu primary = walk.next();
            return FitsJson.cards(primary.cards());
        }
    }

    @Test
    void compressesAHeaderTooBigForOneItem() throws Exception {
        byte[] bytes = file(8_000, false);
        ObjectEvent e = f.upload("large/history.fits", bytes);
        assertThat(f.indexer.apply(e).hduCount()).isEqualTo(2);
        Map<String, AttributeValue> file = f.fileItem(e.objectUrl());
        assertThat(file.get(IndexSchema.BLOB_PARTS).n()).isEqualTo("0");
        assertThat(file.get(IndexSchema.HDUS_GZIP).b().asByteArray().length).isLessThan(ObjectItems.SLICE);
        assertThat(f.items(e.objectUrl())).hasSize(2);
        List<IndexedHdu> hdus = f.hdus(e.objectUrl());
        assertThat(hdus.get(0).cards()).hasSize(8005);
        assertThat(hdus.get(0).obs().string(ObsCoreColumn.TARGET_NAME)).contains("CROWDED-FIELD");
        JsonNode stored = f.asWalkDocument(e.objectUrl()).get("hdus").get(0).get("cards");
        assertThat(GoldenCorpus.cardDifferences("history.fits", stored, walkedCards(bytes))).isEmpty();
    }

    @Test
    void slicesABlobThatStaysTooBigCompressedIntoPartsOfItsVersion() throws Exception {
        byte[] bytes = file(20_000, true);
        ObjectEvent e = f.upload("large/random.fits", bytes);
        assertThat(f.indexer.apply(e).hduCount()).isEqualTo(2);
        Map<String, AttributeValue> file = f.fileItem(e.objectUrl());
        String version = file.get(IndexSchema.VERSION).s();
        int parts = Integer.parseInt(file.get(IndexSchema.BLOB_PARTS).n());
        assertThat(parts).isGreaterThanOrEqualTo(1);
        assertThat(f.items(e.objectUrl())).extracting(i -> i.get("sk").s())
                .contains("FILE", IndexSchema.partKey(version, 1), IndexSchema.partKey(version, parts));
        JsonNode stored = f.asWalkDocument(e.objectUrl()).get("hdus").get(0).get("cards");
        assertThat(GoldenCorpus.cardDifferences("random.fits", stored, walkedCards(bytes))).isEmpty();

        // A re-upload with a small header leaves no part item behind.
        ObjectEvent small = f.upload("large/random.fits", file(10, false));
        f.indexer.apply(small);
        assertThat(f.items(e.objectUrl())).extracting(i -> i.get("itemType").s()).containsExactly("FILE", "HDU");
        assertThat(f.hdus(e.objectUrl()).get(0).cards()).hasSize(15);
    }
}
