package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.auth.S3Access;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose data dwarfs their headers (a 44 GB TESS-like cube stored sparse, a 266 MB HST-like
 * file): the walk fetches no more than the header bytes plus one read-ahead window per HDU, and
 * finds every HDU where the generator put it.
 */
class ByteAccountingTest {
    @Test
    void walksTheFortyFourGigabyteCubeOverHttpForAFewKilobytes(@TempDir Path dir) throws IOException {
        List<HduSpec> specs = SyntheticFits.tessCube();
        Path cube = dir.resolve("tess-cube.fits");
        long size = SparseFitsWriter.write(cube, specs);
        assertThat(size).isGreaterThan(44_000_000_000L);
        try (RangeHttpServer http = RangeHttpServer.start().put("/tess-cube.fits", cube);
             SourceResolver resolver = new SourceResolver(AccessOptions.defaults())) {
            TransferStats stats = new TransferStats();
            List<Hdu> hdus = walk(resolver, http.url("/tess-cube.fits"), stats);
            assertLayout(hdus, specs, size);
            assertBounded(stats, hdus, WalkOptions.DEFAULT.readAhead());
            assertThat(http.awaitIdle(java.time.Duration.ofSeconds(5))).isTrue();
            assertThat(http.bytesSent()).isEqualTo(stats.bytesFetched());
        }
    }

    @Test
    void walksTheCubeAndAnHstFileOverS3(@TempDir Path dir) throws IOException {
        try (TestS3 s3 = TestS3.start()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(s3.embedded(), "sparse placement needs S3Proxy in-process");
            s3.createBucket("mast");
            List<HduSpec> cube = SyntheticFits.tessCube();
            long cubeSize = s3.placeSparse("mast", "tess/cube.fits", cube);
            List<HduSpec> hst = SyntheticFits.hstWfc3Ir(16);
            long hstSize = s3.placeSparse("mast", "hst/ibxl50clq_raw.fits", hst);
            SourceResolver resolver = new SourceResolver(AccessOptions.builder().s3Client(s3.admin())
                    .s3(S3Access.builder().endpoint(s3.endpoint()).pathStyle(true).build()).build());
            TransferStats cubeStats = new TransferStats();
            List<Hdu> cubeHdus = walk(resolver, "s3://mast/tess/cube.fits", cubeStats);
            assertLayout(cubeHdus, cube, cubeSize);
            assertBounded(cubeStats, cubeHdus, WalkOptions.DEFAULT.readAhead());

            TransferStats hstStats = new TransferStats();
            List<Hdu> hstHdus = walk(resolver, "s3://mast/hst/ibxl50clq_raw.fits", hstStats);
            assertThat(hstHdus).hasSize(81);
            assertLayout(hstHdus, hst, hstSize);
            assertBounded(hstStats, hstHdus, WalkOptions.DEFAULT.readAhead());
            assertThat(hstStats.bytesFetched()).isLessThan(hstSize / 20);
            resolver.close();
        }
    }

    private static List<Hdu> walk(SourceResolver resolver, String url, TransferStats stats) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
            List<Hdu> hdus = w.toList();
            assertThat(w.warnings()).isEmpty();
            stats.add(w.stats());
            return hdus;
        }
    }

    private static void assertLayout(List<Hdu> hdus, List<HduSpec> specs, long size) {
        assertThat(hdus).hasSize(specs.size());
        long offset = 0;
        for (int i = 0; i < specs.size(); i++) {
            assertThat(hdus.get(i).headerOffset()).isEqualTo(offset);
            assertThat(hdus.get(i).headerSize()).isEqualTo(specs.get(i).header().length);
            assertThat(hdus.get(i).dataSize()).isEqualTo(specs.get(i).dataSize());
            offset += specs.get(i).header().length + specs.get(i).paddedDataSize();
        }
        assertThat(offset).isEqualTo(size);
        assertThat(hdus.get(hdus.size() - 1).end()).isEqualTo(size);
    }

    private static void assertBounded(TransferStats stats, List<Hdu> hdus, int window) {
        long headerBytes = hdus.stream().mapToLong(Hdu::headerSize).sum();
        assertThat(stats.bytesFetched()).isGreaterThanOrEqualTo(headerBytes)
                .isLessThanOrEqualTo(headerBytes + (long) window * hdus.size());
        assertThat(stats.requests()).isLessThanOrEqualTo(hdus.size() + headerBytes / window + 1);
    }
}
