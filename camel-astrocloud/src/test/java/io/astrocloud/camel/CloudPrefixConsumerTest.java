package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.azure.AzureSettings;
import io.astrocloud.gcs.GcsSettings;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.azure.TestAzure;
import io.astrocloud.testkit.gcs.TestGcs;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer on prefixes of the plug-in stores, listed and walked as S3 prefixes are: a
 * {@code gs://} prefix on the test kit's Cloud Storage JSON-API double (read by the real client),
 * and an {@code az://} prefix on Azurite (Microsoft's emulator, from npm). Each object's HDUs
 * arrive together, with the object's own URL, and the other file names are never walked.
 */
class CloudPrefixConsumerTest extends CamelTestSupport {
    private static final List<String> FILES = List.of("astropy_o4sp040b0_raw.fits", "astropy_ascii.fits",
            "sunpy_resampled_hmi.fits");
    private static TestGcs gcs;
    private static TestAzure azure;

    @BeforeAll
    static void serveFiles() throws IOException {
        gcs = TestGcs.start();
        gcs.createBucket("survey", true, false);
        azure = TestAzure.start();
        azure.createContainer("survey", false);
        for (String f : FILES) {
            gcs.put("survey", "night/" + f, Corpus.file(f));
            azure.put("survey", "night/" + f, Corpus.file(f));
        }
        gcs.put("survey", "night/README.txt", Corpus.file(FILES.get(0)));
        azure.put("survey", "night/README.txt", Corpus.file(FILES.get(0)));
    }

    @AfterAll
    static void stop() {
        if (gcs != null) {
            gcs.close();
        }
        if (azure != null) {
            azure.close();
        }
    }

    @Test
    void walksEveryFitsObjectUnderAGsPrefix() throws Exception {
        assertWalksThePrefix("gs://survey/night/", "&setting." + GcsSettings.ANONYMOUS + "=true&setting."
                + GcsSettings.ENDPOINT + "=RAW(" + gcs.host() + ")");
    }

    @Test
    void walksEveryFitsObjectUnderAnAzPrefix() throws Exception {
        assertWalksThePrefix("az://survey/night/", "&setting." + AzureSettings.CONNECTION_STRING + "=RAW("
                + azure.connectionString() + ")");
    }

    private void assertWalksThePrefix(String prefix, String storeSettings) throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        for (String f : FILES) {
            expected.put(prefix + f, GoldenCorpus.of(f).hdus().size());
        }
        MockEndpoint hdus = getMockEndpoint("mock:hdus");
        hdus.expectedMessageCount(expected.values().stream().mapToInt(Integer::intValue).sum());
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(0);

        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?url=" + prefix + storeSettings));

        hdus.assertIsSatisfied();
        errors.assertIsSatisfied();
        Map<String, Integer> received = new HashMap<>();
        for (Exchange e : hdus.getReceivedExchanges()) {
            String url = e.getIn().getHeader(AstroCloudConstants.URL, String.class);
            assertThat(e.getIn().getHeader(AstroCloudConstants.HDU_INDEX, Integer.class)).as(url)
                    .isEqualTo(received.getOrDefault(url, 0));
            received.merge(url, 1, Integer::sum);
        }
        assertThat(received).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
