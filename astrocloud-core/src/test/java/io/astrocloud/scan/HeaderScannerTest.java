package io.astrocloud.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.s3.InstrumentedBlobStore;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many objects at once against S3Proxy in-process, observed from the server side: 2,500 generated
 * multi-HDU files under one prefix (three listing pages) plus the real corpus.
 */
class HeaderScannerTest {
    private static final int FILES = 2500;
    private static final AtomicReference<InstrumentedBlobStore> STORE = new AtomicReference<>();
    private static TestS3 s3;
    private static SourceResolver resolver;

    @BeforeAll
    static void fill() throws IOException {
        s3 = TestS3.startEmbedded(false, store -> {
            STORE.set(new InstrumentedBlobStore(store));
            return STORE.get();
        });
        s3.createBucket("survey");
        for (int i = 0; i < FILES; i++) {
            s3.placeSparse("survey", String.format("night/frame-%05d.fits", i), SyntheticFits.smallMultiExtension(i, 3));
        }
        s3.put("survey", "night/README.txt", "not a FITS file".getBytes());
        s3.put("survey", "night/broken.fits", "SIMPLE  =  garbage that never ends".getBytes());
        for (Path f : Corpus.files()) {
            s3.put("survey", "corpus/" + f.getFileName(), f);
        }
        resolver = new SourceResolver(AccessOptions.builder().s3Client(s3.admin())
                .s3(S3Access.builder().endpoint(s3.endpoint()).pathStyle(true).build()).build());
    }

    @AfterAll
    static void stop() {
        resolver.close();
        s3.close();
    }

    @BeforeEach
    void reset() {
        STORE.get().latency(Duration.ZERO).reset();
    }

    private static List<ScanResult> scan(List<String> targets, int concurrency) {
        try (HeaderScanner scanner = new HeaderScanner(resolver, WalkOptions.DEFAULT, concurrency);
             Stream<ScanResult> results = scanner.scan(ScanTargets.expand(resolver, targets, FitsNames.DEFAULT))) {
            return results.collect(Collectors.toList());
        }
    }

    @Test
    void walksEveryFileUnderAPrefixOnceAcrossListingPages() {
        List<ScanResult> results = scan(List.of("s3://survey/night/"), 16);
        assertThat(results).hasSize(FILES + 1);
        Map<String, Long> perUrl = results.stream().collect(Collectors.groupingBy(r -> r.object().url(),
                Collectors.counting()));
        assertThat(perUrl).hasSize(FILES + 1).allSatisfy((url, n) -> assertThat(n).isEqualTo(1));
        assertThat(perUrl).doesNotContainKey("s3://survey/night/README.txt");
        List<ScanResult> failed = results.stream().filter(r -> !r.ok()).collect(Collectors.toList());
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.object().url()).isEqualTo("s3://survey/night/broken.fits");
            assertThat(r.error()).hasMessageContaining("s3://survey/night/broken.fits").hasMessageContaining("byte 34");
        });
        assertThat(results.stream().filter(ScanResult::ok)).allSatisfy(r -> {
            assertThat(r.hdus()).hasSize(4);
            assertThat(r.hdus().get(0).value("SEQNUM")).isEqualTo(
                    Long.parseLong(r.object().url().replaceAll(".*frame-0*(\\d+)\\.fits", "$1")));
        });
        // One GET per small file: read-ahead brings all four headers at once.
        assertThat(STORE.get().gets()).isEqualTo(FILES + 1);
    }

    @Test
    void givesTheSameHdusAsSingleFileWalks() throws IOException {
        List<ScanResult> results = scan(List.of("s3://survey/corpus/"), 8);
        Pattern fits = FitsNames.DEFAULT;
        long expected = Corpus.files().stream().filter(p -> fits.matcher(p.getFileName().toString()).matches()).count();
        assertThat(results).hasSize((int) expected);
        for (ScanResult r : results) {
            List<Hdu> single = new java.util.ArrayList<>();
            Exception singleError = null;
            try (HeaderWalk w = HeaderWalk.over(resolver.open(r.object().url()), WalkOptions.DEFAULT)) {
                single = w.toList();
            } catch (IOException e) {
                singleError = e;
            }
            assertThat(r.error() == null).as(r.object().url()).isEqualTo(singleError == null);
            assertThat(FitsJson.walk("x", r.info(), r.hdus(), null, null).get("hdus"))
                    .isEqualTo(FitsJson.walk("x", r.info(), single, null, null).get("hdus"));
        }
    }

    @Test
    void boundsRequestsInFlightOnTheServer() {
        STORE.get().latency(Duration.ofMillis(20));
        List<ScanResult> results = scan(List.of("s3://survey/night/"), 12);
        assertThat(results).hasSize(FILES + 1);
        assertThat(STORE.get().maxInFlight()).isBetween(2, 12);
    }

    @Test
    void doesNotLetASlowFileStallTheOthers() {
        STORE.get().latency("night/frame-00000.fits", Duration.ofSeconds(3));
        long start = System.nanoTime();
        Map<String, Long> doneAt = new HashMap<>();
        try (HeaderScanner scanner = new HeaderScanner(resolver, WalkOptions.DEFAULT, 4);
             Stream<ScanResult> results = scanner.scanUrls(java.util.stream.IntStream.range(0, 20)
                     .mapToObj(i -> String.format("s3://survey/night/frame-%05d.fits", i))
                     .collect(Collectors.toList()))) {
            results.forEach(r -> doneAt.put(r.object().url(), System.nanoTime() - start));
        }
        assertThat(doneAt).hasSize(20);
        long slow = doneAt.get("s3://survey/night/frame-00000.fits");
        // The 19 others finished while the slow one was still being served, and it came last.
        assertThat(doneAt.values().stream().filter(t -> t < slow)).hasSize(19);
        assertThat(Duration.ofNanos(slow)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
}
