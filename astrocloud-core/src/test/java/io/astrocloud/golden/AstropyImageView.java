package io.astrocloud.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * astropy's {@code CompImageHDU.header} of tile-compressed HDUs (fixtures of
 * {@code oracles/make_compressed_golden.py} under {@code golden/compressed/}), as the image view is
 * expected to show it: every card but {@code ZDITHER0}, which astropy 5.2.1 keeps by mistake (see
 * {@code CompressedImageHeader}). In the core's test jar for the other modules' tests.
 */
public final class AstropyImageView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AstropyImageView() {
    }

    /** The expected image cards ({@code [{"keyword", "value", "comment"}]}) of a fixture. */
    public static ArrayNode expectedCards(JsonNode fixture) {
        ArrayNode expected = JSON.createArrayNode();
        fixture.get("imageCards").forEach(c -> {
            if (!c.get("keyword").asText().equals("ZDITHER0")) {
                expected.add(c);
            }
        });
        return expected;
    }

    /** The fixture of HDU {@code hdu} of corpus file {@code file}, if it is a tile-compressed image. */
    public static Optional<JsonNode> corpusFixture(String file, int hdu) {
        try (InputStream in = AstropyImageView.class.getResourceAsStream("/golden/compressed/" + file + ".hdu" + hdu
                + ".json")) {
            return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
