package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.SourceException;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The producer: the URL from a header, a String body or the endpoint; the body becomes the HDUs. */
class ProducerTest extends CamelTestSupport {
    @RegisterExtension
    static final CorpusOverHttp CORPUS = new CorpusOverHttp();

    static Stream<String> standardFiles() throws IOException {
        return HttpConsumerTest.standardFiles();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk").to("astrocloud:headers?gzip=true").to("mock:walked")
                        .split(body()).to("mock:hdus");
                from("direct:default").to("astrocloud:headers?url=" + CORPUS.url("astropy_zerowidth.fits"))
                        .to("mock:walked");
            }
        };
    }

    @ParameterizedTest
    @MethodSource("standardFiles")
    void replacesTheBodyWithTheHdusAsAstropyReadsThem(String file) throws Exception {
        String url = CORPUS.url(file);
        int count = GoldenCorpus.of(file).hdus().size();
        getMockEndpoint("mock:hdus").expectedMessageCount(count);

        Exchange walked = template.request("direct:walk", e -> e.getIn().setHeader(AstroCloudConstants.URL, url));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(walked.getException()).isNull();
        assertThat(walked.getMessage().getBody()).isInstanceOf(List.class);
        assertThat(walked.getMessage().getHeader(AstroCloudConstants.HDU_COUNT)).isEqualTo(count);
        assertThat(walked.getMessage().getHeader(AstroCloudConstants.OBJECT_SIZE))
                .isEqualTo(Files.size(Corpus.file(file)));
        JsonNode walk = walked.getMessage().getBody(JsonNode.class);
        assertThat(walk.get("url").asText()).isEqualTo(url);
        assertThat(walk.get("etag").asText()).isEqualTo(walked.getMessage().getHeader(AstroCloudConstants.ETAG));
        assertThat(GoldenCorpus.of(file).differences(walk)).isEmpty();
        List<Exchange> parts = getMockEndpoint("mock:hdus").getReceivedExchanges();
        for (int i = 0; i < count; i++) {
            Hdu hdu = parts.get(i).getIn().getBody(Hdu.class);
            assertThat(hdu.index()).isEqualTo(i);
        }
    }

    @Test
    void takesTheUrlFromAStringBody() {
        String url = CORPUS.url("pyraf_pset_msstat_input.fits");

        List<?> hdus = template.requestBody("direct:walk", url, List.class);

        assertThat(hdus).hasSize(8).allSatisfy(h -> assertThat(h).isInstanceOf(Hdu.class));
        assertThat(((Hdu) hdus.get(7)).index()).isEqualTo(7);
    }

    @Test
    void fallsBackToTheEndpointUrl() {
        Exchange walked = template.request("direct:default", e -> e.getIn().setBody(42));

        assertThat(walked.getMessage().getBody(List.class)).hasSize(6);
        assertThat(walked.getMessage().getHeader(AstroCloudConstants.URL))
                .isEqualTo(CORPUS.url("astropy_zerowidth.fits"));
    }

    @Test
    void failsTheExchangeWithTheUrlOfAMissingObject() {
        String url = CORPUS.url("no-such-file.fits");

        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:walk", null, AstroCloudConstants.URL, url))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(SourceException.class)
                .hasMessageContaining(url)
                .satisfies(e -> assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.NOT_FOUND));
    }
}
