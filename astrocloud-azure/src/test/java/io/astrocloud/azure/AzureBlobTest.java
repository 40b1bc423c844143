package io.astrocloud.azure;

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
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceException;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.StoreChecks;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.azure.TestAzure;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * Azure Blob Storage against Azurite, Microsoft's emulator (the npm package, started by the test
 * kit as a child process): the corpus walked with shared-key and SAS authentication, by
 * {@code az://} and by {@code https://ACCOUNT.blob.core.windows.net} URL (sent to Azurite through
 * the {@value AzureSettings#ENDPOINT} setting), compared with astropy; anonymous reads of a public
 * container; errors; pinning; listing.
 */
class AzureBlobTest {
    private static final byte[] HST = SparseFitsWriter.toBytes(SyntheticFits.hstWfc3Ir(1));
    private static TestAzure azure;
    private static SourceResolver sharedKey;
    private static SourceResolver sas;

    @BeforeAll
    static void uploadCorpus() throws IOException {
        azure = TestAzure.start();
        azure.createContainer("corpus", false);
        for (Path f : Corpus.files()) {
            azure.put("corpus", "real/" + f.getFileName(), f);
        }
        azure.put("corpus", "big/ibxl50clq_raw.fits", HST);
        azure.createContainer("public", true);
        azure.put("public", "hst/ibxl50clq_raw.fits", HST);
        sharedKey = resolver(Map.of(AzureSettings.CONNECTION_STRING, azure.connectionString()));
        sas = resolver(Map.of(AzureSettings.ENDPOINT, azure.endpoint(),
                AzureSettings.SAS_TOKEN, azure.containerSas("corpus", "rl", Duration.ofHours(1))));
    }

    @AfterAll
    static void stop() {
        Stream.of(sharedKey, sas).filter(r -> r != null).forEach(SourceResolver::close);
        if (azure != null) {
            azure.close();
        }
    }

    private static SourceResolver resolver(Map<String, String> settings) {
        return new SourceResolver(StoreChecks.options(settings));
    }

    /** The https form of a blob URL on the account, sent to Azurite by the endpoint setting. */
    private static String accountUrl(String container, String blob) {
        return "https://" + azure.account() + ".blob.core.windows.net/" + container + "/" + blob;
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksTheCorpusWithSharedKeyAsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(sharedKey, "az://corpus/real/" + file, file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksTheCorpusWithAContainerSasByAccountUrlAsAstropyReadsIt(String file) throws IOException {
        assertWalksAsAstropyReadsIt(sas, accountUrl("corpus", "real/" + file), file, WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(GZIPPED)
    void streamsGzipBlobsWhenAsked(String file) throws IOException {
        assertWalksAsAstropyReadsIt(sharedKey, "az://corpus/real/" + file, file, WalkOptions.DEFAULT.withGzip(true));
    }

    @Test
    void readsRangesAndReportsTheBlobsSizeAndEtag() throws IOException {
        String etag = azure.admin().getBlobContainerClient("corpus").getBlobClient("big/ibxl50clq_raw.fits")
                .getProperties().getETag();
        TransferStats stats;
        try (HeaderWalk walk = HeaderWalk.over(sharedKey.open("az://corpus/big/ibxl50clq_raw.fits"),
                WalkOptions.DEFAULT)) {
            stats = walk.stats();
            List<Hdu> hdus = walk.toList();
            assertThat(hdus).hasSize(6);
            assertThat(hdus.get(5).value("EXTNAME")).isEqualTo("TIME");
            assertThat(walk.object().size()).isEqualTo(HST.length);
            assertThat(walk.object().etag()).isEqualTo(etag);
        }
        // 16.5 MB of data jumped over: at most one request per HDU, each a 64 KiB window at most.
        assertThat(HST.length).isGreaterThan(16_000_000);
        assertThat(stats.requests()).isBetween(1L, 6L);
        assertThat(stats.bytesFetched()).isLessThanOrEqualTo(stats.requests() * 65_536L);
    }

    @Test
    void takesTheSasFromTheUrlAndNeverShowsItInMessages() throws IOException {
        String token = azure.containerSas("corpus", "r", Duration.ofHours(1));
        try (SourceResolver endpointOnly = resolver(Map.of(AzureSettings.ENDPOINT, azure.endpoint()))) {
            assertThat(walk(endpointOnly, accountUrl("corpus", "big/ibxl50clq_raw.fits") + "?" + token)).hasSize(6);
            assertThatThrownBy(() -> walk(endpointOnly, accountUrl("corpus", "real/none.fits") + "?" + token))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining(accountUrl("corpus", "real/none.fits"))
                    .hasMessageNotContaining("sig=");
        }
    }

    @Test
    void refusesATamperedSasAsAccessDenied() {
        String token = azure.containerSas("corpus", "rl", Duration.ofHours(1));
        String tampered = token.replaceFirst("sig=[^&]{4}", "sig=AAAA");
        assertThat(tampered).isNotEqualTo(token);
        try (SourceResolver r = resolver(Map.of(AzureSettings.ENDPOINT, azure.endpoint(),
                AzureSettings.SAS_TOKEN, tampered))) {
            assertThatThrownBy(() -> walk(r, "az://corpus/real/astropy_tdim.fits"))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("access denied").hasMessageContaining("HTTP 403")
                    .hasMessageContaining("az://corpus/real/astropy_tdim.fits")
                    .satisfies(e -> assertThat(((SourceException) e).retryable()).isFalse());
        }
    }

    @Test
    void authenticatesWithTheAccountKeySetting() throws IOException {
        try (SourceResolver r = resolver(Map.of(AzureSettings.ENDPOINT, azure.endpoint(),
                AzureSettings.ACCOUNT_KEY, azure.accountKey()))) {
            assertThat(walk(r, accountUrl("corpus", "big/ibxl50clq_raw.fits"))).hasSize(6);
        }
    }

    @Test
    void readsPublicContainersAnonymouslyAndOnlyThose() throws IOException {
        try (SourceResolver r = resolver(Map.of(AzureSettings.ENDPOINT, azure.endpoint(),
                AzureSettings.ANONYMOUS, "true"))) {
            assertThat(walk(r, "az://public/hst/ibxl50clq_raw.fits")).hasSize(6);
            assertThatThrownBy(() -> walk(r, "az://corpus/big/ibxl50clq_raw.fits"))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("public read access")
                    // Azurite answers 403 AuthorizationFailure, Azure itself 404 ResourceNotFound.
                    .satisfies(e -> assertThat(((SourceException) e).reason()).isIn(
                            SourceException.Reason.ACCESS_DENIED, SourceException.Reason.NOT_FOUND));
        }
    }

    @Test
    void reportsAMissingBlobAsNotFound() {
        assertThatThrownBy(() -> walk(sharedKey, "az://corpus/real/none.fits"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("object not found").hasMessageContaining("BlobNotFound")
                .hasMessageContaining("az://corpus/real/none.fits");
    }

    @Test
    void reportsAnOffsetPastTheEndAsRangeNotSatisfiable() throws IOException {
        try (RangeSource source = sharedKey.open("az://corpus/big/ibxl50clq_raw.fits")) {
            for (long offset : new long[] {HST.length, HST.length + 2880L}) {
                assertThatThrownBy(() -> source.read(RangeRequest.of(offset, 2880)))
                        .isInstanceOf(SourceException.class)
                        .satisfies(e -> assertThat(((SourceException) e).reason())
                                .isEqualTo(SourceException.Reason.RANGE_NOT_SATISFIABLE));
            }
        }
    }

    @Test
    void failsClearlyWhenTheBlobIsReplacedMidWalk() throws IOException {
        azure.put("corpus", "moving.fits", HST);
        StoreChecks.assertReplacedMidWalkFailsAsChanged(sharedKey, "az://corpus/moving.fits", () -> azure.put("corpus",
                "moving.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(6, 3))));
    }

    @Test
    void listsAPrefixAndWalksEveryBlobPinnedToItsListedEtag() throws IOException {
        List<String> expected = Corpus.files().stream().map(p -> p.getFileName().toString())
                .filter(n -> FitsNames.DEFAULT.matcher(n).matches()).map(n -> "az://corpus/real/" + n).sorted()
                .collect(Collectors.toList());
        try (HeaderScanner scanner = new HeaderScanner(sas, WalkOptions.DEFAULT, 4);
             Stream<ScanResult> results = scanner.scan(ScanTargets.expand(sas, List.of("az://corpus/real/"),
                     FitsNames.DEFAULT))) {
            List<ScanResult> all = results.collect(Collectors.toList());
            assertThat(all.stream().map(r -> r.object().url()).sorted()).containsExactlyElementsOf(expected);
            assertThat(all).allSatisfy(r -> assertThat(r.object().etag()).startsWith("\"0x"));
            List<ScanResult> failed = all.stream().filter(r -> !r.ok()).collect(Collectors.toList());
            // Only the gzip files (not range-walkable) and astropy's non-standard file fail, as over HTTP.
            assertThat(failed).allSatisfy(r -> assertThat(r.object().url()).matches(".*(\\.gz|wcslib71\\.fits)$"));
            assertThat(all.size() - failed.size()).isEqualTo(Corpus.rangeWalkableNames().count());
        }
    }

    @Test
    void isChosenByTheLibraryEntryPointForAzureUrls() throws IOException {
        try (HeaderWalk walk = AstroCloud.walk("az://corpus/big/ibxl50clq_raw.fits", CloudService.AZURE,
                StoreChecks.options(Map.of(AzureSettings.CONNECTION_STRING, azure.connectionString())),
                WalkOptions.DEFAULT)) {
            assertThat(walk.toList()).hasSize(6);
        }
        assertThatThrownBy(() -> AstroCloud.walk("s3://bucket/x.fits", CloudService.AZURE,
                AccessOptions.defaults(), WalkOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URL for AZURE");
    }
}
