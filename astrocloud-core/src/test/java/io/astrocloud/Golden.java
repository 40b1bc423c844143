package io.astrocloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.Hdu;
import io.astrocloud.json.FitsJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What astropy (Debian's python3-astropy, an independent reader) says about each corpus file,
 * written by {@code src/test/golden/make_golden.py} into {@code src/test/resources/golden}.
 */
public final class Golden {
    private final JsonNode doc;

    private Golden(JsonNode doc) {
        this.doc = doc;
    }

    /** The golden record of one corpus file. */
    public static Golden of(String file) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file + ".json")) {
            if (in == null) {
                throw new IOException("no golden record for " + file + "; run make_golden.py");
            }
            return new Golden(FitsJson.MAPPER.readTree(in));
        }
    }

    /** True when astropy could not map the file to standard HDUs (SIMPLE = F). */
    public boolean nonstandard() {
        return doc.has("nonstandard");
    }

    /** The golden HDUs. */
    public JsonNode hdus() {
        return doc.get("hdus");
    }

    /** The cards astropy read from a non-standard file's only header. */
    public JsonNode nonstandardCards() {
        return doc.get("nonstandard").get("cards");
    }

    /** Asserts that the walk found exactly the HDUs astropy did: offsets, sizes and every card. */
    public void assertMatches(List<Hdu> hdus) {
        assertThat(hdus).as("HDU count").hasSize(hdus().size());
        for (int i = 0; i < hdus.size(); i++) {
            Hdu h = hdus.get(i);
            JsonNode g = hdus().get(i);
            String where = doc.get("file").asText() + " HDU " + i;
            assertThat(h.headerOffset()).as(where + " header offset").isEqualTo(g.get("headerOffset").asLong());
            assertThat((long) h.headerSize()).as(where + " header bytes").isEqualTo(g.get("headerBytes").asLong());
            assertThat(h.dataOffset()).as(where + " data offset").isEqualTo(g.get("dataOffset").asLong());
            assertThat(h.paddedDataSize()).as(where + " data bytes").isEqualTo(g.get("dataBytes").asLong());
            assertCards(where, h.cards(), g.get("cards"));
        }
    }

    /** Asserts that cards equal astropy's: keyword, comment, and value with its type. */
    public static void assertCards(String where, List<Card> cards, JsonNode golden) {
        assertThat(cards).as(where + " card count").hasSize(golden.size());
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            JsonNode g = golden.get(i);
            String at = where + " card " + i + " (" + g.get("keyword").asText() + ")";
            assertThat(c.keyword()).as(at + " keyword").isEqualTo(g.get("keyword").asText());
            assertThat(c.comment()).as(at + " comment").isEqualTo(g.get("comment").asText());
            assertSameValue(at, FitsJson.value(c.value()), g.get("value"));
        }
    }

    private static void assertSameValue(String at, JsonNode ours, JsonNode theirs) {
        if (theirs.isNumber()) {
            assertThat(ours.isNumber()).as(at + " value is a number: " + ours).isTrue();
            assertThat(ours.isIntegralNumber()).as(at + " integer or real: " + ours + " vs " + theirs)
                    .isEqualTo(theirs.isIntegralNumber());
            if (theirs.isIntegralNumber()) {
                assertThat(ours.bigIntegerValue()).as(at).isEqualTo(theirs.bigIntegerValue());
            } else {
                assertThat(ours.doubleValue()).as(at).isEqualTo(theirs.doubleValue());
            }
        } else {
            assertThat(ours).as(at + " value").isEqualTo(theirs);
        }
    }
}
