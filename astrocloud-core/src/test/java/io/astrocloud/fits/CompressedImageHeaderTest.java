package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.AstroCloud;
import io.astrocloud.golden.AstropyImageView;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image view of tile-compressed HDUs against astropy 5.2.1's {@code CompImageHDU.header}
 * (fixtures by {@code oracles/make_compressed_golden.py}): the compressed corpus files, and files
 * written by astropy and by cfitsio's fpack with RICE_1, GZIP_1, GZIP_2, HCOMPRESS_1, PLIO_1 and
 * quantized floats (three dithering methods), a cube, a compressed primary array (ZSIMPLE) and
 * checksums (ZHECKSUM, ZDATASUM).
 */
class CompressedImageHeaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void imageCardsAreAstropysExceptZdither0(String name) throws Exception {
        JsonNode fx = fixture(name);
        CompressedImageHeader view = CompressedImageHeader.of(stored(fx)).orElseThrow();
        assertThat(GoldenCorpus.cardDifferences(name, FitsJson.cards(view.imageCards()),
                AstropyImageView.expectedCards(fx))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void storageIsTheTablesAlgorithmTilesAndQuantization(String name) throws Exception {
        JsonNode fx = fixture(name);
        JsonNode expected = fx.get("compression");
        CompressedImageHeader view = CompressedImageHeader.of(stored(fx)).orElseThrow();
        String type = expected.get("type").asText();
        assertThat(view.algorithm()).isEqualTo(type.equals("RICE_ONE") ? "RICE_1" : type);
        List<Long> tile = new ArrayList<>();
        expected.get("tile").forEach(t -> tile.add(t.asLong()));
        assertThat(view.tile()).isEqualTo(tile);
        assertThat(view.quantization().orElse(null)).isEqualTo(expected.get("quantize").textValue());
        assertThat(view.ditherSeed().orElse(null))
                .isEqualTo(expected.get("ditherSeed").isNull() ? null : expected.get("ditherSeed").asLong());
        assertThat(view.parameters().keySet()).containsExactlyElementsOf(() -> expected.get("parameters").fieldNames());
        assertThat(view.storedAs()).startsWith("stored as " + view.algorithm() + ", tiles "
                + tile.stream().map(String::valueOf).collect(Collectors.joining("x")));
    }

    @Test
    void differsFromAstropyOnlyByDroppingZdither0() throws Exception {
        JsonNode fx = fixture("fpack_float_qz_dither2.json");
        CompressedImageHeader view = CompressedImageHeader.of(stored(fx)).orElseThrow();
        List<String> astropy = new ArrayList<>();
        fx.get("imageCards").forEach(c -> astropy.add(c.get("keyword").asText()));
        assertThat(astropy).contains("ZDITHER0");
        astropy.remove("ZDITHER0");
        assertThat(view.imageCards().stream().map(Card::keyword)).containsExactlyElementsOf(astropy);
        assertThat(view.storedAs()).isEqualTo(
                "stored as RICE_1, tiles 90x1, floats quantized with SUBTRACTIVE_DITHER_2 (seed 9944)");
    }

    @Test
    void walkedCorpusHduGivesItsImageView() throws Exception {
        Path file = Corpus.file("astropy_comp.fits");
        List<Hdu> hdus;
        try (HeaderWalk walk = HeaderWalk.over(new FileRangeSource(file), WalkOptions.DEFAULT)) {
            hdus = walk.toList();
        }
        assertThat(CompressedImageHeader.of(hdus.get(0))).isEmpty();
        CompressedImageHeader view = CompressedImageHeader.of(hdus.get(1)).orElseThrow();
        assertThat(hdus.get(1).cardImages().subList(0, hdus.get(1).cardImages().size() - 1))
                .containsExactlyElementsOf(strings(fixture("astropy_comp.fits.hdu1.json").get("storedHeader")));
        assertThat(view.axes()).containsExactly(440L, 300L);
        assertThat(view.storedAs()).isEqualTo("stored as RICE_1, tiles 440x1");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void cardImagesReadBackAsTheImageCards(String name) throws Exception {
        CompressedImageHeader view = CompressedImageHeader.of(stored(fixture(name))).orElseThrow();
        List<String> images = view.cardImages();
        assertThat(images).allSatisfy(image -> assertThat(image).hasSize(80));
        assertThat(images.get(images.size() - 1)).startsWith("END     ");
        byte[] bytes = String.join("", images).getBytes(StandardCharsets.US_ASCII);
        assertThat(GoldenCorpus.cardDifferences(name, FitsJson.cards(CardParser.parse(bytes, bytes.length)),
                FitsJson.cards(view.imageCards()))).isEmpty();
    }

    @Test
    void aWalkedHduOffersItsStoredCardsAndItsImageViewReadOnce() throws Exception {
        List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file("astropy_comp.fits").toString(), AccessOptions.defaults(),
                WalkOptions.DEFAULT);
        Hdu compressed = hdus.get(1);
        CompressedImageHeader view = compressed.compressedImage().orElseThrow();
        assertThat(compressed.compressedImage().orElseThrow()).isSameAs(view);
        assertThat(compressed.cards().get(0)).isEqualTo(new Card("XTENSION", "BINTABLE", "binary table extension"));
        assertThat(compressed.value("ZIMAGE")).isEqualTo(true);
        assertThat(GoldenCorpus.cardDifferences("astropy_comp.fits HDU 1", FitsJson.cards(compressed.imageCards()),
                AstropyImageView.expectedCards(AstropyImageView.corpusFixture("astropy_comp.fits", 1).orElseThrow())))
                .isEmpty();
        assertThat(hdus.get(0).compressedImage()).isEmpty();
        assertThat(hdus.get(0).imageCards()).isSameAs(hdus.get(0).cards());
    }

    @Test
    void aWalkedHduWithBrokenCompressionKeywordsFailsItsImageViewNamingWhere() {
        List<Card> noTiles = List.of(new Card("XTENSION", "BINTABLE", ""), new Card("ZIMAGE", true, ""),
                new Card("ZBITPIX", 16L, ""), new Card("ZNAXIS", 1L, ""), new Card("ZNAXIS1", 10L, ""),
                new Card("ZTILE1", 0L, ""));
        Hdu hdu = new Hdu(2, "BINTABLE", 5760, 2880, 0, "https://host/x.fits.fz", noTiles, true, new byte[2880]);
        assertThatThrownBy(hdu::compressedImage).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(FitsFormatException.class).hasMessageContaining("https://host/x.fits.fz")
                .hasMessageContaining("HDU 2").hasMessageContaining("ZTILE1 is '0'");
        assertThatThrownBy(hdu::imageCards).isInstanceOf(UncheckedIOException.class);
        assertThat(hdu.cards()).isEqualTo(noTiles);
    }

    @Test
    void plainTablesAndImagesHaveNoImageView() {
        List<Card> table = List.of(new Card("XTENSION", "BINTABLE", ""), new Card("BITPIX", 8L, ""),
                new Card("NAXIS", 2L, ""), new Card("ZIMAGE", false, ""));
        assertThat(CompressedImageHeader.of(table)).isEmpty();
    }

    @Test
    void missingOrAbsurdCompressionKeywordsFailNamingTheKeyword() {
        List<Card> noAxes = List.of(new Card("XTENSION", "BINTABLE", ""), new Card("ZIMAGE", true, ""),
                new Card("ZBITPIX", 16L, ""), new Card("ZNAXIS", 2L, ""), new Card("ZNAXIS1", 10L, ""));
        assertThatThrownBy(() -> CompressedImageHeader.of(noAxes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZNAXIS2 is missing");
        List<Card> huge = List.of(new Card("XTENSION", "BINTABLE", ""), new Card("ZIMAGE", true, ""),
                new Card("ZBITPIX", 16L, ""), new Card("ZNAXIS", 2_000_000_000L, ""));
        assertThatThrownBy(() -> CompressedImageHeader.of(huge)).hasMessageContaining("ZNAXIS is '2000000000'");
        Hdu hdu = new Hdu(1, "BINTABLE", 2880, 2880, 0, "s3://bucket/x.fits.fz", noAxes, true, new byte[2880]);
        assertThatThrownBy(() -> CompressedImageHeader.of(hdu)).isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("s3://bucket/x.fits.fz").hasMessageContaining("HDU 1")
                .hasMessageContaining("byte 2880");
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(CompressedImageHeaderTest.class.getResource("/golden/compressed").toURI());
    }

    private static JsonNode fixture(String name) throws IOException, URISyntaxException {
        return JSON.readTree(dir().resolve(name).toFile());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The stored cards of a fixture, read from its 80-character card images. */
    private static List<Card> stored(JsonNode fx) {
        byte[] bytes = (String.join("", strings(fx.get("storedHeader"))) + String.format("%-80s", "END"))
                .getBytes(StandardCharsets.US_ASCII);
        return CardParser.parse(bytes, bytes.length);
    }
}
