package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.golden.AstropyFootprint;
import io.astrocloud.golden.AstropyImageView;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.http.CorpusOverHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code headers} says of each HDU in ObsCore terms, against astropy: the footprint of
 * astropy.wcs ({@code calc_footprint(center=False)}, golden/wcs) within 0.05 arcsec wherever astropy
 * finds a celestial WCS, and reasons elsewhere; the image header of tile-compressed HDUs as astropy's
 * {@code CompImageHDU.header} (golden/compressed); the compact catalog without cards.
 */
class ObsCoreOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CorpusOverHttp CORPUS = new CorpusOverHttp();

    @Test
    void jsonOfEveryCorpusFileHasAstropysFootprintAndImageHeaders() throws IOException {
        List<String> differences = new ArrayList<>();
        int withSky = 0;
        int withoutSky = 0;
        int compressed = 0;
        for (Path file : Corpus.files()) {
            String name = file.getFileName().toString();
            if (GoldenCorpus.of(name).nonstandard()) {
                continue;
            }
            String url = CORPUS.url(name);
            CliRun run = name.endsWith(".gz") ? CliRun.of("headers", "--json", "--gzip", url)
                    : CliRun.of("headers", "--json", url);
            assertThat(run.status()).as(name + ": " + run.err()).isZero();
            JsonNode hdus = JSON.readTree(run.out()).get("hdus");
            for (int i = 0; i < hdus.size(); i++) {
                JsonNode hdu = hdus.get(i);
                JsonNode obs = hdu.get("obs");
                assertThat(obs.get("access_url").asText()).isEqualTo(url);
                Optional<AstropyFootprint> footprint = AstropyFootprint.of(name, i);
                if (footprint.isPresent() && footprint.get().sky()) {
                    differences.addAll(footprint.get().differences(obs.path("s_ra").asDouble(Double.NaN),
                            obs.path("s_dec").asDouble(Double.NaN), obs.path("s_fov").asDouble(Double.NaN),
                            obs.path("s_region").asText("POLYGON ICRS")));
                    withSky++;
                } else {
                    assertThat(obs.has("s_ra")).as(name + " HDU " + i).isFalse();
                    assertThat(obs.get("why").get("s_region").asText()).as(name + " HDU " + i).isNotBlank();
                    withoutSky++;
                }
                Optional<JsonNode> view = AstropyImageView.corpusFixture(name, i);
                if (view.isPresent()) {
                    differences.addAll(GoldenCorpus.cardDifferences(name + " HDU " + i + " imageCards",
                            hdu.get("imageCards"), AstropyImageView.expectedCards(view.get())));
                    JsonNode storage = view.get().get("compression");
                    assertThat(hdu.get("compression").get("type").asText()).isEqualTo(storage.get("type").asText());
                    assertThat(hdu.get("compression").get("tile")).isEqualTo(storage.get("tile"));
                    compressed++;
                } else {
                    assertThat(hdu.has("imageCards")).as(name + " HDU " + i).isFalse();
                    assertThat(hdu.has("compression")).as(name + " HDU " + i).isFalse();
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(withSky).isEqualTo((int) AstropyFootprint.corpus().values().stream().filter(AstropyFootprint::sky)
                .count());
        assertThat(withSky).isGreaterThanOrEqualTo(5);
        assertThat(withoutSky).isPositive();
        assertThat(compressed).isEqualTo(4);
    }

    @Test
    void textGivesALinePerHduAndTheImageHeaderOfACompressedOne() {
        String url = CORPUS.url("astropy_comp.fits");
        CliRun run = CliRun.of("headers", url, "--max-cards", "5");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "--- HDU 0  PRIMARY ",
                "    no product type, no sky position, no time",
                "--- HDU 1  BINTABLE ",
                "    image 440x300, centre 50.6872 -37.2015, field 1.04 deg, no time, Optical, target NGC 1316",
                "    tile-compressed image, stored as RICE_1, tiles 440x1; its image header",
                "XTENSION= 'IMAGE   '           / Image extension",
                "BITPIX  =                   16 / My special comment",
                "... ",
                "=== ");
        assertThat(run.out()).doesNotContain("ZIMAGE");
        CliRun compact = CliRun.of("headers", url, "--no-cards");
        assertThat(compact.out().lines()).hasSize(6).noneMatch(l -> l.startsWith("XTENSION") || l.startsWith("SIMPLE"));
        assertThat(compact.out()).contains("    tile-compressed image, stored as RICE_1, tiles 440x1\n");
    }

    @Test
    void aCatalogWithoutCardsIsOneJsonLinePerFile() throws IOException {
        List<String> names = List.of("astropy_comp.fits", "pyraf_pset_msstat_input.fits", "fv_datacube.fit",
                "astropy_header_newlines.fits", "astropy_chandra_time.fits");
        CliRun run = CliRun.of(Stream.concat(Stream.of("headers", "--jsonl", "--no-cards"),
                names.stream().map(CORPUS::url)).toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(names.size());
        List<String> files = new ArrayList<>();
        for (String line : lines) {
            JsonNode doc = JSON.readTree(line);
            files.add(doc.get("url").asText().replaceAll(".*/", ""));
            for (JsonNode hdu : doc.get("hdus")) {
                assertThat(hdu.has("cards")).isFalse();
                assertThat(hdu.has("imageCards")).isFalse();
                assertThat(hdu.get("obs").get("access_estsize").asLong()).isEqualTo((doc.get("size").asLong() + 999) / 1000);
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(names);
        assertThat(run.out()).doesNotContain("\"cards\"");
        JsonNode stis = JSON.readTree(lines.stream().filter(l -> l.contains("pyraf_pset_msstat_input")).findFirst()
                .orElseThrow());
        assertThat(stis.get("hdus").get(1).get("obs").get("instrument_name").asText()).isEqualTo("STIS");
        assertThat(stis.get("hdus").get(1).get("obs").get("dataproduct_type").asText()).isEqualTo("image");
    }
}
