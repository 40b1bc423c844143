package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.json.FitsJson;
import io.astrocloud.testkit.GoldenCorpus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every store must do, asserted the same way for each (HTTP, S3 and S3-compatible stores,
 * GCS, Azure): walk a corpus file as astropy reads it, and fail clearly when an object is replaced
 * in the middle of a walk. Shipped in core's test jar for the store modules' tests.
 */
public final class StoreChecks {
    /** Something that changes a store (replaces an object). */
    @FunctionalInterface
    public interface StoreChange {
        /** Makes the change. */
        void run() throws IOException;
    }

    /** {@code @MethodSource} of the corpus files a ranged walk reads as astropy does. */
    public static final String RANGE_WALKABLE = "io.astrocloud.testkit.Corpus#rangeWalkableNames";
    /** {@code @MethodSource} of the gzip-compressed corpus files. */
    public static final String GZIPPED = "io.astrocloud.testkit.Corpus#gzipNames";

    private StoreChecks() {
    }

    /** Access options with these store settings and quick retries (two attempts, 10 ms apart). */
    public static AccessOptions options(Map<String, String> settings) {
        AccessOptions.Builder b = AccessOptions.builder()
                .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
        settings.forEach(b::setting);
        return b.build();
    }

    /**
     * Walks {@code url} through {@code resolver} and asserts that the walk has no warnings and that
     * astropy's record of the corpus file {@code file} agrees: offsets, sizes, every card.
     */
    public static void assertWalksAsAstropyReadsIt(SourceResolver resolver, String url, String file,
                                                   WalkOptions options) throws IOException {
        List<Hdu> hdus;
        try (HeaderWalk walk = HeaderWalk.over(resolver.open(url), options)) {
            hdus = walk.toList();
            assertThat(walk.warnings()).as(url + " warnings").isEmpty();
        }
        assertThat(GoldenCorpus.of(file).differences(FitsJson.walk(file, ObjectInfo.UNKNOWN, hdus, null, null)))
                .as(url).isEmpty();
    }

    /** Every HDU of {@code url}, walked through {@code resolver}. */
    public static List<Hdu> walk(SourceResolver resolver, String url) throws IOException {
        try (HeaderWalk walk = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
            return walk.toList();
        }
    }

    /**
     * Reads the first block of {@code url}, lets {@code replace} put another object in its place,
     * and asserts that the next read fails as {@link SourceException.Reason#CHANGED} with the
     * store's 412, rather than returning bytes of the new object.
     */
    public static void assertReplacedMidWalkFailsAsChanged(SourceResolver resolver, String url, StoreChange replace)
            throws IOException {
        try (RangeSource source = resolver.open(url)) {
            source.read(RangeRequest.of(0, 2880));
            replace.run();
            assertThatThrownBy(() -> source.read(RangeRequest.of(2880, 2880)))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("object changed").hasMessageContaining("HTTP 412")
                    .satisfies(e -> assertThat(((SourceException) e).reason())
                            .isEqualTo(SourceException.Reason.CHANGED));
        }
    }
}
