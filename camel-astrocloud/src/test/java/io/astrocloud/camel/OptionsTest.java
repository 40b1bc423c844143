package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.S3StoreProvider;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each option has its effect on the wire or on the walk. An in-process HTTP server answers GetObject
 * as S3 does (path style, 206, Content-Range, ETag), so the test sees the headers the S3 client
 * the endpoint builds actually sends.
 */
class OptionsTest extends CamelTestSupport {
    private static final String FILE = "astropy_o4sp040b0_raw.fits";

    @RegisterExtension
    static final CorpusOverHttp CORPUS = new CorpusOverHttp();

    @BeforeAll
    static void serveMore() throws IOException {
        CORPUS.server().put("/bucket/hst.fits", Corpus.file(FILE));
    }

    @Test
    void mapsEveryAccessAndWalkOptionToTheCore() {
        AstroCloudConfiguration c = new AstroCloudConfiguration();
        c.setAnonymous(true);
        c.setProfile("archive");
        c.setRegion("eu-west-2");
        c.setEndpointOverride("https://nyc3.digitaloceanspaces.com");
        c.setPathStyle(true);
        c.setRequesterPays(true);
        c.setRequestTimeout(5000);
        c.setRetries(1);
        c.setReadAhead(5760);
        c.setMaxHeaderSize(28800);
        c.setGzip(true);
        c.getSettings().put("gcs.userProject", "my-project");
        c.getHttpHeaders().put("Authorization", "Bearer t");

        AccessOptions access = CoreOptions.access(c);

        S3Access s3 = access.s3();
        assertThat(s3.credentials()).isEqualTo(S3Access.Credentials.ANONYMOUS);
        assertThat(s3.region()).isEqualTo("eu-west-2");
        assertThat(s3.endpoint()).isEqualTo(URI.create("https://nyc3.digitaloceanspaces.com"));
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.requesterPays()).isTrue();
        assertThat(access.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(access.retry().maxAttempts()).isEqualTo(2);
        assertThat(access.setting("gcs.userProject")).isEqualTo("my-project");
        assertThat(access.httpHeaders()).containsEntry("Authorization", "Bearer t");
        assertThat(CoreOptions.walk(c).readAhead()).isEqualTo(5760);
        assertThat(CoreOptions.walk(c).maxHeaderBytes()).isEqualTo(28800);
        assertThat(CoreOptions.walk(c).gzip()).isTrue();
    }

    @Test
    void requesterPaysAndTheS3EndpointReachTheWireAndTheBuiltClientIsClosedOnStop() throws Exception {
        AtomicReference<String> payer = new AtomicReference<>("unset");
        CORPUS.server().fault("/bucket/hst.fits", (ex, object, attempt) -> {
            payer.set(String.valueOf(ex.getRequestHeaders().getFirst("x-amz-request-payer")));
            return false;
        });
        String uri = "astrocloud:headers?url=s3://bucket/hst.fits&anonymous=true&region=us-east-1&pathStyle=true"
                + "&requesterPays=true&endpointOverride=" + CORPUS.server().baseUri();

        assertThat(consume(uri, 7)).hasSize(7);

        assertThat(payer.get()).isEqualTo("requester");
        AstroCloudEndpoint endpoint = context.getEndpoint(uri, AstroCloudEndpoint.class);
        S3StoreProvider s3 = endpoint.resolver().provider(S3StoreProvider.class);
        AccessOptions options = endpoint.resolver().options();
        S3Client built = s3.client(s3.locate("s3://bucket/hst.fits", options), options);
        context.stop();
        // A closed SDK client refuses to schedule the call's timeout; an open one would answer.
        assertThatThrownBy(() -> built.headObject(b -> b.bucket("bucket").key("hst.fits")))
                .as("the client the endpoint built is closed").isInstanceOf(RejectedExecutionException.class);
        CORPUS.server().fault("/bucket/hst.fits", null);
    }

    @Test
    void httpHeadersAreSentWithEveryRequest() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        CORPUS.server().fault("/corpus/" + FILE, (ex, object, attempt) -> {
            authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            return false;
        });

        consume("astrocloud:headers?url=" + CORPUS.url(FILE) + "&httpHeader.Authorization=RAW(Bearer s3cr3t)", 7);

        assertThat(authorization.get()).isEqualTo("Bearer s3cr3t");
        CORPUS.server().fault("/corpus/" + FILE, null);
    }

    @Test
    void readAheadSetsHowMuchEachRequestAsksFor() throws Exception {
        CORPUS.server().resetCounters();
        consume("astrocloud:headers?url=" + CORPUS.url(FILE), 7);
        int withDefault = CORPUS.server().requests("/corpus/" + FILE);
        CORPUS.server().resetCounters();
        consume("astrocloud:headers?readAhead=2880&url=" + CORPUS.url(FILE), 7);
        int oneBlockAtATime = CORPUS.server().requests("/corpus/" + FILE);

        // The primary header alone is six blocks: one block per request needs at least six.
        assertThat(oneBlockAtATime).isGreaterThanOrEqualTo(6).isGreaterThan(withDefault);
    }

    @Test
    void maxHeaderSizeRefusesALongerHeader() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        String url = CORPUS.url(FILE);
        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?maxHeaderSize=5760&url=" + url));

        errors.assertIsSatisfied();
        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(FitsFormatException.class).hasMessageContaining(url).hasMessageContaining("5760");
    }

    @Test
    void storeSettingsReachAPlugInStoreUnchanged() throws Exception {
        consume("astrocloud:headers?url=corpus://" + FILE + "&setting.corpus.token=RAW(a&b)&setting.corpus.tier=cold", 7);

        assertThat(CorpusStoreProvider.SETTINGS_SEEN.get("corpus://" + FILE))
                .isEqualTo(Map.of("corpus.token", "a&b", "corpus.tier", "cold"));
    }

    @Test
    void refusesOptionsTheWalkWouldRefuse() {
        assertThatThrownBy(() -> context.getEndpoint("astrocloud:headers?readAhead=100"))
                .hasStackTraceContaining("read-ahead must be at least 2880");
        assertThatThrownBy(() -> context.getEndpoint("astrocloud:footers?url=x.fits"))
                .hasStackTraceContaining("unknown astrocloud operation 'footers'");
        assertThatThrownBy(() -> context.getEndpoint("astrocloud:headers?concurrency=0"))
                .hasStackTraceContaining("concurrency must be at least 1");
    }

    private java.util.List<Exchange> consume(String uri, int hdus) throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.reset();
        mock.expectedMessageCount(hdus);
        context.addRoutes(ConsumerRoutes.toMock(uri));
        mock.assertIsSatisfied();
        return mock.getReceivedExchanges();
    }
}
