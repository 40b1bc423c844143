package io.astrocloud.gcs;

import static io.astrocloud.source.StoreChecks.assertWalksAsAstropyReadsIt;
import static io.astrocloud.source.StoreChecks.walk;
import static io.astrocloud.source.StoreChecks.GZIPPED;
import static io.astrocloud.source.StoreChecks.RANGE_WALKABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.AstroCloud;
import io.astrocloud.CloudService;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.HeaderScanner;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceException;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.StoreChecks;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.gcs.TestGcs;
import io.astrocloud.testkit.gcs.TestServiceAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Google Cloud Storage through the real google-cloud-storage client, pointed
 * ({@value GcsSettings#ENDPOINT}, i.e. {@code StorageOptions.setHost}) at {@link TestGcs}: a
 * protocol-level test double of the documented JSON API (object resource, media download with
 * Range, generation preconditions, userProject, listing), written because no GCS emulator
 * installs here. Its fidelity is that of the documentation, not of Google's servers. Application
 * default credentials are real: GOOGLE_APPLICATION_CREDENTIALS (set by surefire) names a service
 * account key file whose token endpoint is the double's, which checks the signed JWT before
 * issuing the bearer token private buckets want.
 */
class GcsStorageTest {
    private static final byte[] HST = SparseFitsWriter.toBytes(SyntheticFits.hstWfc3Ir(1));
    private static TestGcs gcs;
    private static TestServiceAccount reader;
    private static SourceResolver anonymous;
    private static SourceResolver applicationDefault;

    @BeforeAll
    static void serveCorpus() throws IOException {
        gcs = TestGcs.start();
        gcs.createBucket("public-corpus", true, false);
        for (Path f : Corpus.files()) {
            gcs.put("public-corpus", "real/" + f.getFileName(), f);
        }
        gcs.put("public-corpus", "big/ibxl50clq_raw.fits", HST);
        gcs.createBucket("private", false, false).put("private", "hst/ibxl50clq_raw.fits", HST);
        gcs.createBucket("requester-pays", true, true).put("requester-pays", "hst/ibxl50clq_raw.fits", HST);
        String adc = System.getenv("GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(adc).as("set by the surefire configuration").isNotBlank();
        Files.createDirectories(Path.of(adc).getParent());
        reader = gcs.serviceAccount("reader@astrocloud-test.iam.gserviceaccount.com");
        Files.writeString(Path.of(adc), reader.keyFileJson(), StandardCharsets.UTF_8);
        anonymous = resolver(Map.of(GcsSettings.ANONYMOUS, "true"));
        applicationDefault = resolver(Map.of());
    }

    @AfterAll
    static void stop() {
        Stream.of(anonymous, applicationDefault).filter(r -> r != null).forEach(SourceResolver::close);
        if (gcs != null) {
            gcs.close();
        }
    }

    /** Options with these settings, for the client pointed at the double. */
    private static AccessOptions options(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put(GcsSettings.ENDPOINT, gcs.host());
        return StoreChecks.options(all);
    }

    private static SourceResolver resolver(Map<String, String> settings) {
        return new SourceResolver(options(settings));
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksTheCorpusAnonymouslyByGsUrlAsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(anonymous, "gs://public-corpus/real/" + file, file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksTheCorpusWithApplicationDefaultCredentialsByHttpsUrlAsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(applicationDefault, "https://storage.googleapis.com/public-corpus/real/" + file,
                file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(GZIPPED)
    void streamsGzipObjectsWhenAsked(String file) throws IOException {
        assertWalksAsAstropyReadsIt(anonymous, "gs://public-corpus/real/" + file, file,
                WalkOptions.DEFAULT.withGzip(true));
    }

    @Test
    void readsRangesAndReportsSizeAndGeneration() throws IOException {
        long requestsBefore = gcs.requests();
        long mediaBefore = gcs.mediaRequests();
        TransferStats stats;
        try (HeaderWalk walk = HeaderWalk.over(anonymous.open("gs://public-corpus/big/ibxl50clq_raw.fits"),
                WalkOptions.DEFAULT)) {
            stats = walk.stats();
            List<Hdu> hdus = walk.toList();
            assertThat(hdus).hasSize(6);
            assertThat(hdus.get(5).value("EXTNAME")).isEqualTo("TIME");
            assertThat(walk.object().size()).isEqualTo(HST.length);
            assertThat(walk.object().etag())
                    .isEqualTo("\"" + gcs.generation("public-corpus", "big/ibxl50clq_raw.fits") + "\"");
        }
        assertThat(HST.length).isGreaterThan(16_000_000);
        assertThat(stats.bytesFetched()).isLessThanOrEqualTo(stats.requests() * 65_536L);
        // One media download per read, plus the object resource once.
        assertThat(gcs.mediaRequests() - mediaBefore).isEqualTo(stats.requests());
        assertThat(gcs.requests() - requestsBefore).isEqualTo(stats.requests() + 1);
    }

    @Test
    void readsPrivateBucketsWithApplicationDefaultCredentialsOnly() throws IOException {
        assertThat(walk(applicationDefault, "gs://private/hst/ibxl50clq_raw.fits")).hasSize(6);
        assertThat(reader.scopesAsked()).containsExactly("https://www.googleapis.com/auth/devstorage.read_only");
        assertThatThrownBy(() -> walk(anonymous, "gs://private/hst/ibxl50clq_raw.fits"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("access denied").hasMessageContaining("HTTP 401")
                .hasMessageContaining("application default credentials")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
    }

    @Test
    void paysForRequesterPaysBucketsOnlyWithAUserProject() throws IOException {
        assertThatThrownBy(() -> walk(anonymous, "gs://requester-pays/hst/ibxl50clq_raw.fits"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("--gcs-user-project")
                .satisfies(e -> assertThat(((SourceException) e).reason())
                        .isEqualTo(SourceException.Reason.REJECTED));
        try (SourceResolver paying = resolver(Map.of(GcsSettings.ANONYMOUS, "true",
                GcsSettings.USER_PROJECT, "astro-billing"))) {
            assertThat(walk(paying, "gs://requester-pays/hst/ibxl50clq_raw.fits")).hasSize(6);
        }
    }

    @Test
    void reportsAMissingObjectAsNotFound() {
        assertThatThrownBy(() -> walk(anonymous, "gs://public-corpus/real/none.fits"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("object not found").hasMessageContaining("gs://public-corpus/real/none.fits")
                .satisfies(e -> assertThat(((SourceException) e).reason())
                        .isEqualTo(SourceException.Reason.NOT_FOUND));
    }

    @Test
    void failsClearlyWhenTheObjectIsReplacedMidWalk() throws IOException {
        gcs.put("public-corpus", "moving.fits", HST);
        StoreChecks.assertReplacedMidWalkFailsAsChanged(anonymous, "gs://public-corpus/moving.fits", () -> gcs.put(
                "public-corpus", "moving.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(6, 3))));
    }

    @Test
    void keepsReadingWhenOnlyTheObjectsMetadataChanges() throws IOException {
        gcs.put("public-corpus", "relabelled.fits", HST);
        try (RangeSource source = anonymous.open("gs://public-corpus/relabelled.fits")) {
            String etag = source.read(RangeRequest.of(0, 2880)).object().etag();
            gcs.touchMetadata("public-corpus", "relabelled.fits");
            FetchedRange next = source.read(RangeRequest.of(2880, 2880));
            assertThat(next.bytes()).isEqualTo(java.util.Arrays.copyOfRange(HST, 2880, 5760));
            assertThat(next.object().etag()).isEqualTo(etag);
        }
    }

    @Test
    void reportsAnOffsetPastTheEndAsRangeNotSatisfiable() throws IOException {
        try (RangeSource source = anonymous.open("gs://public-corpus/big/ibxl50clq_raw.fits")) {
            assertThatThrownBy(() -> source.read(RangeRequest.of(HST.length, 2880)))
                    .isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(((SourceException) e).reason())
                            .isEqualTo(SourceException.Reason.RANGE_NOT_SATISFIABLE));
        }
    }

    @Test
    void listsAPrefixPageByPageAndWalksEveryObjectPinnedToItsGeneration() throws IOException {
        gcs.listPageSize(7);
        try {
            List<String> expected = Corpus.files().stream().map(p -> p.getFileName().toString())
                    .filter(n -> FitsNames.DEFAULT.matcher(n).matches()).map(n -> "gs://public-corpus/real/" + n)
                    .sorted().collect(Collectors.toList());
            try (HeaderScanner scanner = new HeaderScanner(anonymous, WalkOptions.DEFAULT, 4);
                 Stream<ScanResult> results = scanner.scan(ScanTargets.expand(anonymous,
                         List.of("gs://public-corpus/real/"), FitsNames.DEFAULT))) {
                List<ScanResult> all = results.collect(Collectors.toList());
                assertThat(all.stream().map(r -> r.object().url()).sorted()).containsExactlyElementsOf(expected);
                assertThat(all).allSatisfy(r -> assertThat(r.object().etag()).matches("\"\\d+\""));
                List<ScanResult> failed = all.stream().filter(r -> !r.ok()).collect(Collectors.toList());
                // Only the gzip files (not range-walkable) and astropy's non-standard file fail, as over HTTP.
                assertThat(failed).allSatisfy(r -> assertThat(r.object().url()).matches(".*(\\.gz|wcslib71\\.fits)$"));
                assertThat(all.size() - failed.size()).isEqualTo(Corpus.rangeWalkableNames().count());
            }
        } finally {
            gcs.listPageSize(1000);
        }
    }

    @Test
    void isChosenByTheLibraryEntryPointForGcsUrls() throws IOException {
        try (HeaderWalk walk = AstroCloud.walk("gs://public-corpus/big/ibxl50clq_raw.fits", CloudService.GCP,
                options(Map.of(GcsSettings.ANONYMOUS, "true")), WalkOptions.DEFAULT)) {
            assertThat(walk.toList()).hasSize(6);
        }
        assertThatThrownBy(() -> AstroCloud.walk("az://container/x.fits", CloudService.GCP,
                AccessOptions.defaults(), WalkOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URL for GCP");
    }
}
