package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.json.FitsJson;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.HeaderText;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout prediction: files that repeat a layout get their later headers fetched in parallel, and
 * a wrong guess (a file that breaks its pattern) changes nothing but the bytes fetched.
 */
class PredictionTest {
    private RangeHttpServer http;
    private SourceResolver resolver;

    @BeforeEach
    void start() throws IOException {
        http = RangeHttpServer.start().latency(Duration.ofMillis(5));
        resolver = new SourceResolver(AccessOptions.defaults());
    }

    @AfterEach
    void stop() {
        resolver.close();
        http.close();
    }

    private List<Hdu> walk(String path, WalkOptions options, TransferStats stats) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(resolver.open(http.url(path)), options)) {
            List<Hdu> hdus = w.toList();
            assertThat(w.warnings()).isEmpty();
            stats.add(w.stats());
            return hdus;
        }
    }

    private static String json(List<Hdu> hdus) {
        return FitsJson.text(FitsJson.walk("x", io.astrocloud.source.ObjectInfo.UNKNOWN, hdus, null, null));
    }

    @Test
    void fetchesTheRepeatedHeadersOfAnHstFileInParallel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hst.fits");
        SparseFitsWriter.write(file, SyntheticFits.hstWfc3Ir(16));
        http.put("/hst.fits", file);
        TransferStats sequential = new TransferStats();
        List<Hdu> expected = walk("/hst.fits", WalkOptions.DEFAULT.withPrefetch(0), sequential);
        assertThat(http.maxInFlight()).isLessThanOrEqualTo(2); // one request, plus the last one closing
        http.resetCounters();
        TransferStats predicted = new TransferStats();
        List<Hdu> hdus = walk("/hst.fits", WalkOptions.DEFAULT, predicted);
        assertThat(json(hdus)).isEqualTo(json(expected));
        assertThat(hdus).hasSize(81);
        assertThat(http.maxInFlight()).isGreaterThan(8);
        long headerBytes = hdus.stream().mapToLong(Hdu::headerSize).sum();
        // Exact header reads after the first window: nothing but headers and the first read-ahead.
        assertThat(predicted.bytesFetched()).isLessThanOrEqualTo(headerBytes + WalkOptions.DEFAULT.readAhead());
    }

    @Test
    void aWrongPredictionCostsBytesNotCorrectness() throws IOException {
        // Eight identical extensions, then one with a longer header and other data: the guess that
        // the ninth repeats the eighth is wrong.
        List<HduSpec> specs = new ArrayList<>(SyntheticFits.smallMultiExtension(1, 0));
        for (int i = 1; i <= 8; i++) {
            specs.add(new HduSpec(image(i, 0).end(), 2L * 300 * 300));
        }
        specs.add(new HduSpec(image(9, 60).end(), 2L * 500 * 500));
        specs.add(new HduSpec(image(10, 0).end(), 2L * 300 * 300));
        http.put("/odd.fits", SparseFitsWriter.toBytes(specs));
        List<Hdu> expected = walk("/odd.fits", WalkOptions.DEFAULT.withPrefetch(0).withReadAhead(2880),
                new TransferStats());
        List<Hdu> hdus = walk("/odd.fits", WalkOptions.DEFAULT.withReadAhead(2880), new TransferStats());
        assertThat(hdus).hasSize(11);
        assertThat(json(hdus)).isEqualTo(json(expected));
        assertThat(hdus.get(9).headerSize()).isEqualTo(5760);
    }

    private static HeaderText image(int version, int extraCards) {
        HeaderText h = new HeaderText().string("XTENSION", "IMAGE", "").integer("BITPIX", 16, "")
                .integer("NAXIS", 2, "").integer("NAXIS1", extraCards > 0 ? 500 : 300, "")
                .integer("NAXIS2", extraCards > 0 ? 500 : 300, "").integer("PCOUNT", 0, "").integer("GCOUNT", 1, "")
                .string("EXTNAME", "SCI", "").integer("EXTVER", version, "");
        for (int i = 0; i < extraCards; i++) {
            h.comment("extra card " + i);
        }
        return h;
    }
}
