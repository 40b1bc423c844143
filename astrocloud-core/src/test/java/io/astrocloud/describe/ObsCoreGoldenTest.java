package io.astrocloud.describe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ObsCore rows against what astropy computes (fixtures by {@code oracles/make_describe_golden.py}):
 * every HDU of the real corpus, walked from the files, and generated headers covering each
 * keyword path of the rules. Every column astropy gives a value must have that value (times to
 * 1 ms, durations and wavelengths to 1e-9 relative), every other column must be absent with a
 * reason. The sky columns come from the celestial WCS, not from here: they are given as absent.
 */
class ObsCoreGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One millisecond, in days. */
    static final double MS = 1e-3 / 86400;
    private static final SkyColumns NO_SKY = SkyColumns.absent("the celestial WCS is not computed in this test");

    static Stream<Arguments> corpusFiles() throws IOException {
        Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
        for (JsonNode e : golden("corpus.json")) {
            byFile.computeIfAbsent(e.get("file").asText(), k -> new ArrayList<>()).add(e);
        }
        return byFile.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> generatedHeaders() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        golden("generated.json").forEach(e -> cases.add(Arguments.of(e.get("case").asText(), e)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void corpusHdusAreDescribedAsAstropyComputes(String file, List<JsonNode> expected) throws IOException {
        List<Hdu> hdus;
        try (HeaderWalk walk = HeaderWalk.over(new FileRangeSource(Corpus.file(file)),
                WalkOptions.DEFAULT.withGzip(file.endsWith(".gz")))) {
            hdus = walk.toList();
        }
        assertThat(hdus).hasSize(expected.size());
        for (JsonNode e : expected) {
            Hdu hdu = hdus.get(e.get("hdu").asInt());
            ObsCore obs = ObsCoreMapper.describe(hdu.cards(), hdus.get(0).cards(), e.get("url").asText(), NO_SKY);
            assertAgrees(file + " HDU " + hdu.index(), obs, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedHeaders")
    void generatedHeadersAreDescribedAsAstropyComputes(String name, JsonNode e) {
        List<Card> cards = cards(e.get("header"));
        List<Card> primary = e.get("primaryHeader").isNull() ? cards : cards(e.get("primaryHeader"));
        assertAgrees(name, ObsCoreMapper.describe(cards, primary, e.get("url").asText(), NO_SKY), e);
    }

    static void assertAgrees(String where, ObsCore obs, JsonNode expected) {
        JsonNode values = expected.get("obs");
        boolean leapDay = expected.path("utcLeapSecondDay").asBoolean(false);
        for (ObsCoreColumn c : ObsCoreColumn.values()) {
            String at = where + " " + c.columnName();
            JsonNode v = values.get(c.columnName());
            if (v == null) {
                assertThat(obs.value(c)).as(at + " (astropy has none; why: " + obs.why(c).orElse("-") + ")").isEmpty();
                assertThat(obs.why(c)).as(at + " reason").get().asString().isNotBlank();
                continue;
            }
            assertThat(obs.value(c)).as(at + " (why: " + obs.why(c).orElse("-") + ")").isPresent();
            switch (c.type()) {
                case STRING:
                    assertThat(obs.string(c)).as(at).contains(v.asText());
                    break;
                case INTEGER:
                    assertThat(obs.integer(c).getAsLong()).as(at).isEqualTo(v.asLong());
                    break;
                default:
                    double ours = obs.real(c).getAsDouble();
                    double tolerance = c == ObsCoreColumn.T_MIN || c == ObsCoreColumn.T_MAX
                            ? (leapDay ? 1000 * MS : MS) : Math.abs(v.asDouble()) * 1e-9;
                    assertThat(ours).as(at).isCloseTo(v.asDouble(), org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    static List<Card> cards(JsonNode images) {
        StringBuilder text = new StringBuilder();
        images.forEach(i -> text.append(i.asText()));
        text.append(String.format("%-80s", "END"));
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return CardParser.parse(bytes, bytes.length);
    }

    static JsonNode golden(String name) throws IOException {
        try (InputStream in = ObsCoreGoldenTest.class.getResourceAsStream("/golden/describe/" + name)) {
            return JSON.readTree(in).get("entries");
        }
    }
}
