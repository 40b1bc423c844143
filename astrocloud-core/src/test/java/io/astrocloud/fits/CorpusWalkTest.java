package io.astrocloud.fits;

import static io.astrocloud.source.StoreChecks.assertWalksAsAstropyReadsIt;
import static io.astrocloud.source.StoreChecks.walk;
import static io.astrocloud.source.StoreChecks.GZIPPED;
import static io.astrocloud.source.StoreChecks.RANGE_WALKABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.auth.S3Access;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.json.FitsJson;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the real corpus walked over HTTP (in-process server with Range) and over S3
 * (in-process S3Proxy), compared with what astropy says about it: offsets, sizes, every card.
 */
class CorpusWalkTest {
    private static RangeHttpServer http;
    private static TestS3 s3;
    private static SourceResolver httpResolver;
    private static SourceResolver s3Resolver;

    @BeforeAll
    static void serveCorpus() throws IOException {
        http = RangeHttpServer.start().putDirectory("/corpus", Corpus.dir());
        s3 = TestS3.start();
        s3.createBucket("corpus");
        for (Path f : Corpus.files()) {
            s3.put("corpus", "real/" + f.getFileName(), f);
        }
        httpResolver = new SourceResolver(AccessOptions.defaults());
        s3Resolver = new SourceResolver(AccessOptions.builder().s3(S3Access.builder()
                .endpoint(s3.endpoint()).pathStyle(true).region(s3.region())
                .credentials(S3Access.Credentials.DEFAULT_CHAIN).build()).s3Client(s3.admin()).build());
    }

    @AfterAll
    static void stop() {
        httpResolver.close();
        s3Resolver.close();
        http.close();
        s3.close();
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksOverHttpAsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(httpResolver, http.url("/corpus/" + file), file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksOverS3AsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(s3Resolver, "s3://corpus/real/" + file, file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksWithOneBlockReadAheadTheSame(String file) throws IOException {
        assertWalksAsAstropyReadsIt(httpResolver, http.url("/corpus/" + file), file,
                WalkOptions.DEFAULT.withReadAhead(2880));
    }

    @ParameterizedTest
    @MethodSource(GZIPPED)
    void refusesGzipUnlessAskedAndThenStreamsIt(String file) throws IOException {
        assertThatThrownBy(() -> walk(httpResolver, http.url("/corpus/" + file)))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("gzip-compressed")
                .hasMessageContaining(file)
                .hasMessageContaining("byte 0");
        assertWalksAsAstropyReadsIt(httpResolver, http.url("/corpus/" + file), file,
                WalkOptions.DEFAULT.withGzip(true));
        assertWalksAsAstropyReadsIt(s3Resolver, "s3://corpus/real/" + file, file, WalkOptions.DEFAULT.withGzip(true));
    }

    @Test
    void readsTheNonStandardFileAndFlagsItsTrailingBytes() throws IOException {
        String file = "astropy_header_with_time_wcslib71.fits";
        GoldenCorpus golden = GoldenCorpus.of(file);
        assertThat(golden.nonstandard()).isTrue();
        try (HeaderWalk walk = HeaderWalk.over(httpResolver.open(http.url("/corpus/" + file)), WalkOptions.DEFAULT)) {
            List<Hdu> hdus = walk.toList();
            assertThat(hdus).hasSize(1);
            assertThat(GoldenCorpus.cardDifferences(file, FitsJson.cards(hdus.get(0).cards()),
                    golden.nonstandardCards())).isEmpty();
            assertThat(hdus.get(0).value("SIMPLE")).isEqualTo(false);
            assertThat(walk.warnings()).singleElement().asString().contains("240 bytes after the last HDU");
        }
    }
}
