package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.s3.InstrumentedBlobStore;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The consumer on an S3 prefix, against S3Proxy in-process (SigV4) holding the real corpus, one
 * hostile file and a file that is not FITS, observed from the server side. The S3 client is the
 * test's own, bound in the registry and picked up by autowiring.
 */
class PrefixConsumerTest extends CamelTestSupport {
    private static final String HOSTILE = "SIMPLE  =                    T / and then garbage that never ends";
    private static final AtomicReference<InstrumentedBlobStore> STORE = new AtomicReference<>();
    private static TestS3 s3;
    private static Map<String, Integer> hdusByKey;
    private static int corpusHdus;

    private final MemoryIdempotentRepository seen = new MemoryIdempotentRepository();

    @BeforeAll
    static void fillBucket() throws IOException {
        s3 = TestS3.startEmbedded(false, store -> {
            STORE.set(new InstrumentedBlobStore(store));
            return STORE.get();
        });
        s3.createBucket("survey");
        hdusByKey = new HashMap<>();
        for (Path f : Corpus.files()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".gz") || GoldenCorpus.of(name).nonstandard() || name.endsWith(".evt")) {
                continue;
            }
            s3.put("survey", "night/" + name, f);
            hdusByKey.put("night/" + name, GoldenCorpus.of(name).hdus().size());
        }
        corpusHdus = hdusByKey.values().stream().mapToInt(Integer::intValue).sum();
        s3.put("survey", "night/zz-broken.fits", HOSTILE.getBytes());
        s3.put("survey", "night/README.txt", "not a FITS file".getBytes());
        s3.put("survey", "night/rosat.evt", Corpus.file("fv_rosat.evt"));
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void resetCounts() {
        STORE.get().reset();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("testS3Client", S3Client.class, s3.admin());
        registry.bind("seen", seen);
    }

    @Test
    void walksEveryFitsObjectUnderThePrefixWhileTheHostileOneIsReported() throws Exception {
        MockEndpoint hdus = getMockEndpoint("mock:hdus");
        hdus.expectedMessageCount(corpusHdus);
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);

        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?url=s3://survey/night/&concurrency=4"));

        hdus.assertIsSatisfied();
        errors.assertIsSatisfied();
        Exchange error = errors.getReceivedExchanges().get(0);
        assertThat(error.getIn().getHeader(AstroCloudConstants.URL)).isEqualTo("s3://survey/night/zz-broken.fits");
        assertThat(error.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("s3://survey/night/zz-broken.fits")
                .hasMessageContaining("byte ");
        assertThat(byObject(hdus.getReceivedExchanges())).containsExactlyInAnyOrderEntriesOf(prefixed(hdusByKey));
        assertThat(STORE.get().gets("night/README.txt")).as("not a FITS name: never read").isZero();
        assertThat(STORE.get().gets("night/rosat.evt")).as("not a FITS name: never read").isZero();
    }

    @Test
    void pollsEmitOnlyNewAndChangedObjectsThroughTheGivenRepository() throws Exception {
        s3.put("survey", "poll/a.fits", Corpus.file("astropy_ascii.fits"));
        s3.put("survey", "poll/b.fits", Corpus.file("astropy_zerowidth.fits"));
        MockEndpoint hdus = getMockEndpoint("mock:hdus");
        hdus.expectedMessageCount(2 + 6);

        context.addRoutes(ConsumerRoutes.toMock(
                "astrocloud:headers?url=s3://survey/poll/&repeatCount=0&delay=100&idempotentRepository=#seen"));
        hdus.assertIsSatisfied();
        String etagOfA = s3.admin().headObject(b -> b.bucket("survey").key("poll/a.fits")).eTag();
        assertThat(seen.contains("s3://survey/poll/a.fits etag=" + etagOfA.replace("\"", ""))).isTrue();

        // Several more polls list the prefix and find nothing new: nothing is read, nothing sent.
        STORE.get().reset();
        hdus.reset();
        hdus.expectedMessageCount(0);
        hdus.setAssertPeriod(600);
        hdus.assertIsSatisfied();
        assertThat(STORE.get().gets()).as("GETs for unchanged objects").isZero();

        // a.fits replaced (new ETag), c.fits added, b.fits untouched.
        hdus.reset();
        hdus.expectedMessageCount(7 + 1);
        hdus.setAssertPeriod(600);
        s3.put("survey", "poll/a.fits", Corpus.file("astropy_o4sp040b0_raw.fits"));
        s3.put("survey", "poll/c.fits", Corpus.file("sunpy_resampled_hmi.fits"));
        hdus.assertIsSatisfied();
        assertThat(byObject(hdus.getReceivedExchanges()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("s3://survey/poll/a.fits", 7, "s3://survey/poll/c.fits", 1));
        assertThat(STORE.get().gets("poll/b.fits")).isZero();
    }

    @Test
    void walksAtMostMaxMessagesPerPollObjectsInAPoll() throws Exception {
        MockEndpoint hdus = fiveSixHduFilesUnder("batches/", 2 * 6, 500);

        // One poll: two objects, though the listing has five.
        context.addRoutes(ConsumerRoutes.toMock(
                "astrocloud:headers?url=s3://survey/batches/&maxMessagesPerPoll=2&idempotentRepository=#seen"));
        hdus.assertIsSatisfied();
        assertThat(byObject(hdus.getReceivedExchanges()).keySet())
                .containsExactlyInAnyOrder("s3://survey/batches/a.fits", "s3://survey/batches/b.fits");
    }

    @Test
    void goesOnWithTheListingWhereTheLastPollStoppedThenListsAgain() throws Exception {
        MockEndpoint hdus = fiveSixHduFilesUnder("continued/", 5 * 6, 800);

        // Three polls of at most two objects: every object once, in listing order; later polls find nothing new.
        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=s3://survey/continued/"
                + "&maxMessagesPerPoll=2&concurrency=1&repeatCount=0&delay=50&idempotentRepository=#seen"));
        hdus.assertIsSatisfied();
        List<String> order = new java.util.ArrayList<>();
        for (Exchange e : hdus.getReceivedExchanges()) {
            String url = e.getIn().getHeader(AstroCloudConstants.URL, String.class);
            if (order.isEmpty() || !order.get(order.size() - 1).equals(url)) {
                order.add(url);
            }
        }
        assertThat(order).containsExactly("s3://survey/continued/a.fits", "s3://survey/continued/b.fits",
                "s3://survey/continued/c.fits", "s3://survey/continued/d.fits", "s3://survey/continued/e.fits");
        assertThat(STORE.get().gets("continued/a.fits")).as("read once").isEqualTo(1);
    }

    @Test
    void leavesTheSuppliedClientOpen() throws Exception {
        MockEndpoint hdus = getMockEndpoint("mock:hdus");
        hdus.expectedMessageCount(7);
        s3.put("survey", "one/o4sp040b0_raw.fits", Corpus.file("astropy_o4sp040b0_raw.fits"));
        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=s3://survey/one/o4sp040b0_raw.fits"));
        hdus.assertIsSatisfied();
        AstroCloudEndpoint endpoint = context.getEndpoints().stream().filter(AstroCloudEndpoint.class::isInstance)
                .map(AstroCloudEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getS3Client()).as("autowired").isSameAs(s3.admin());

        context.stop();

        assertThat(s3.admin().listObjectsV2(b -> b.bucket("survey").prefix("one/")).contents()).hasSize(1);
    }

    /** Puts a.fits to e.fits (six HDUs each) under {@code prefix}; mock:hdus expects {@code hdus} for {@code ms}. */
    private MockEndpoint fiveSixHduFilesUnder(String prefix, int hdus, long ms) throws IOException {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            s3.put("survey", prefix + name + ".fits", Corpus.file("astropy_zerowidth.fits"));
        }
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(hdus);
        mock.setAssertPeriod(ms);
        return mock;
    }

    /** HDUs received per object, checking that each object's HDUs came together, in order, as one batch. */
    private static Map<String, Integer> byObject(List<Exchange> received) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> finished = new HashSet<>();
        String current = null;
        int next = 0;
        for (Exchange e : received) {
            String url = e.getIn().getHeader(AstroCloudConstants.URL, String.class);
            if (!url.equals(current)) {
                assertThat(next).as(current + " ended early").isEqualTo(current == null ? 0 : counts.get(current));
                assertThat(finished.add(url)).as(url + " came back after another object").isTrue();
                current = url;
                next = 0;
            }
            assertThat(e.getIn().getHeader(AstroCloudConstants.HDU_INDEX)).as(url).isEqualTo(next);
            assertThat(e.getProperty(ExchangePropertyKey.BATCH_INDEX)).as(url).isEqualTo(next);
            int size = e.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class);
            assertThat(e.getProperty(ExchangePropertyKey.BATCH_COMPLETE)).as(url).isEqualTo(next == size - 1);
            counts.put(url, size);
            next++;
        }
        if (current != null) {
            assertThat(next).as(current + " ended early").isEqualTo(counts.get(current));
        }
        return counts;
    }

    private static Map<String, Integer> prefixed(Map<String, Integer> byKey) {
        Map<String, Integer> m = new HashMap<>();
        byKey.forEach((k, v) -> m.put("s3://survey/" + k, v));
        return m;
    }
}
