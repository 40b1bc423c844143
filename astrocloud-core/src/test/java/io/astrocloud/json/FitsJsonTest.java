package io.astrocloud.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.AstroCloud;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk document's ObsCore rows, compression and image cards, with and without cards. */
class FitsJsonTest {
    @Test
    void everyHduCarriesItsRowAndACompressedOneItsStorageAndImageCards() throws IOException {
        Path file = Corpus.file("astropy_comp.fits");
        List<Hdu> hdus = AstroCloud.loadHeaders(file.toString(), AccessOptions.defaults(), WalkOptions.DEFAULT);
        ObjectInfo object = new ObjectInfo(Files.size(file), "\"e\"");
        JsonNode doc = FitsJson.walk("https://host/astropy_comp.fits?X-Amz-Signature=secret", object, hdus, null,
                null);
        JsonNode primary = doc.get("hdus").get(0);
        assertThat(primary.has("compression")).isFalse();
        assertThat(primary.has("imageCards")).isFalse();
        assertThat(primary.get("obs").get("why").get("dataproduct_type").asText()).isEqualTo("no data array (NAXIS = 0)");
        JsonNode image = doc.get("hdus").get(1);
        assertThat(fields(image)).containsExactly("index", "type", "headerOffset", "headerBytes", "dataOffset",
                "dataBytes", "dataSize", "compression", "obs", "cards", "imageCards");
        assertThat(image.get("compression").toString()).isEqualTo("{\"type\":\"RICE_1\",\"tile\":[440,1]}");
        assertThat(image.get("cards").get(0).get("value").asText()).isEqualTo("BINTABLE");
        assertThat(image.get("imageCards").get(0).get("value").asText()).isEqualTo("IMAGE");
        assertThat(image.get("imageCards")).isEqualTo(FitsJson.cards(hdus.get(1).compressedImage().orElseThrow().imageCards()));
        ObsCore row = ObsCoreRows.of(hdus, object).row(1);
        JsonNode obs = image.get("obs");
        List<String> columns = new ArrayList<>();
        row.values().keySet().forEach(c -> columns.add(c.columnName()));
        columns.add("why");
        assertThat(fields(obs)).containsExactlyElementsOf(columns);
        assertThat(obs.get("s_ra").asDouble()).isEqualTo(row.real(ObsCoreColumn.S_RA).orElseThrow());
        assertThat(obs.get("access_estsize").asLong()).isEqualTo(87);
        assertThat(obs.get("s_xel1").isIntegralNumber()).isTrue();
        assertThat(obs.get("why").size()).isEqualTo(row.why().size());
        assertThat(FitsJson.text(doc)).doesNotContain("secret");
    }

    @Test
    void aCatalogWithoutCardsKeepsOffsetsStorageAndRows() throws IOException {
        List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file("astropy_comp.fits").toString(), AccessOptions.defaults(),
                WalkOptions.DEFAULT);
        JsonNode doc = FitsJson.walk("x", ObjectInfo.UNKNOWN, hdus, null, null, FitsJson.Cards.OMITTED);
        for (JsonNode h : doc.get("hdus")) {
            assertThat(h.has("cards")).isFalse();
            assertThat(h.has("imageCards")).isFalse();
            assertThat(h.get("obs").get("why").get("access_estsize").asText())
                    .isEqualTo("the store did not report the object's size");
        }
        assertThat(doc.get("hdus").get(1).get("obs").get("dataproduct_type").asText()).isEqualTo("image");
        assertThat(doc.get("hdus").get(1).has("compression")).isTrue();
    }

    @Test
    void unreadableCompressionKeywordsAreAnErrorOfTheHduNotOfTheDocument() {
        List<Card> cards = List.of(new Card("XTENSION", "BINTABLE", ""), new Card("ZIMAGE", true, ""),
                new Card("ZBITPIX", 16L, ""), new Card("ZNAXIS", 2L, ""), new Card("ZNAXIS1", 10L, ""));
        Hdu hdu = new Hdu(1, "BINTABLE", 2880, 2880, 0, "s3://b/x.fits.fz", cards, true, new byte[2880]);
        ObsCore row = ObsCoreMapper.describe(hdu, hdu);
        ObjectNode n = FitsJson.hdu(hdu, row, FitsJson.Cards.INCLUDED);
        assertThat(n.get("compression").get("error").asText()).contains("s3://b/x.fits.fz").contains("ZNAXIS2 is missing");
        assertThat(n.has("imageCards")).isFalse();
        assertThat(n.get("obs").get("why").get("s_ra").asText()).contains("ZNAXIS2 is missing");
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
