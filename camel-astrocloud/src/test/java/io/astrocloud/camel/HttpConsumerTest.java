package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.fits.DataSize;
import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.SourceException;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.http.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nom.tam.fits.Header;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consumer against an in-process HTTP server with Range serving the real corpus, checked
 * against astropy's reading of each file (offsets, sizes, types, every card).
 */
class HttpConsumerTest extends CamelTestSupport {
    @RegisterExtension
    static final CorpusOverHttp CORPUS = new CorpusOverHttp();

    /** Every corpus file astropy maps to standard HDUs (the one non-standard file is the core's business). */
    static Stream<String> standardFiles() throws IOException {
        return Corpus.files().stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("astropy_header_with_time_wcslib71.fits"));
    }

    @ParameterizedTest
    @MethodSource("standardFiles")
    void emitsOneExchangePerHduInOrderAsAstropyReadsIt(String file) throws Exception {
        JsonNode golden = GoldenCorpus.of(file).hdus();
        String url = CORPUS.url(file);
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(golden.size());

        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + url + (file.endsWith(".gz") ? "&gzip=true" : "")));

        mock.assertIsSatisfied();
        List<Exchange> received = mock.getReceivedExchanges();
        long objectSize = Files.size(Corpus.file(file));
        for (int i = 0; i < golden.size(); i++) {
            JsonNode expected = golden.get(i);
            Exchange exchange = received.get(i);
            Message m = exchange.getIn();
            String where = file + " HDU " + i;
            assertThat(m.getHeader(AstroCloudConstants.URL)).as(where).isEqualTo(url);
            assertThat(m.getHeader(AstroCloudConstants.HDU_INDEX)).as(where).isEqualTo(i);
            assertThat(m.getHeader(AstroCloudConstants.HDU_TYPE)).as(where).isEqualTo(xtensionOrPrimary(expected));
            assertThat(m.getHeader(AstroCloudConstants.HEADER_OFFSET)).as(where)
                    .isEqualTo(expected.get("headerOffset").asLong());
            assertThat(m.getHeader(AstroCloudConstants.HEADER_SIZE)).as(where)
                    .isEqualTo(expected.get("headerBytes").asInt());
            assertThat(m.getHeader(AstroCloudConstants.DATA_OFFSET)).as(where)
                    .isEqualTo(expected.get("dataOffset").asLong());
            assertThat(DataSize.padded(m.getHeader(AstroCloudConstants.DATA_SIZE, Long.class))).as(where)
                    .isEqualTo(expected.get("dataBytes").asLong());
            assertThat(m.getHeader(AstroCloudConstants.OBJECT_SIZE)).as(where).isEqualTo(objectSize);
            assertThat(m.getHeader(AstroCloudConstants.ETAG, String.class)).as(where).startsWith("\"");
            assertThat(m.getBody()).as(where).isInstanceOf(Hdu.class);
            assertThat(m.getBody(Header.class)).as(where).isSameAs(m.getBody(Hdu.class).header());
            assertThat(GoldenCorpus.cardDifferences(where, m.getBody(JsonNode.class), expected.get("cards"))).isEmpty();
            assertThat(exchange.getProperty(ExchangePropertyKey.BATCH_INDEX)).as(where).isEqualTo(i);
            assertThat(exchange.getProperty(ExchangePropertyKey.BATCH_SIZE)).as(where).isEqualTo(golden.size());
            assertThat(exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE)).as(where)
                    .isEqualTo(i == golden.size() - 1);
        }
    }

    @Test
    void walksASingleUrlOnceByDefault() throws Exception {
        String file = "astropy_o4sp040b0_raw.fits";
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(7);
        mock.setAssertPeriod(1500);
        CORPUS.server().resetCounters();

        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + CORPUS.url(file) + "&delay=50"));

        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges()).extracting(e -> e.getIn().getHeader(AstroCloudConstants.HDU_TYPE))
                .containsExactly("PRIMARY", "IMAGE", "IMAGE", "IMAGE", "IMAGE", "IMAGE", "IMAGE");
        int requestsOfOneWalk = CORPUS.server().requests("/corpus/" + file);
        assertThat(requestsOfOneWalk).isBetween(1, 7);
    }

    @Test
    void pollsASingleUrlAgainOnlyWhenItChanged() throws Exception {
        byte[] first = Files.readAllBytes(Corpus.file("astropy_ascii.fits"));
        byte[] second = Files.readAllBytes(Corpus.file("astropy_zerowidth.fits"));
        CORPUS.server().put("/changing/file.fits", first);
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(2);
        mock.setAssertPeriod(400);

        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + CORPUS.server().url("/changing/file.fits") + "&repeatCount=0&delay=50"));
        mock.assertIsSatisfied();

        mock.reset();
        mock.expectedMessageCount(6);
        mock.setAssertPeriod(400);
        CORPUS.server().put("/changing/file.fits", second);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges().get(0).getIn().getHeader(AstroCloudConstants.OBJECT_SIZE))
                .isEqualTo((long) second.length);
    }

    @Test
    void aForbiddenObjectGoesToTheErrorHandlerWithItsUrl() throws Exception {
        CORPUS.server().put("/private/secret.fits", Files.readAllBytes(Corpus.file("astropy_ascii.fits")));
        CORPUS.server().fault("/private/secret.fits", Faults.status(403));
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        String url = CORPUS.server().url("/private/secret.fits");

        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?url=" + url));

        errors.assertIsSatisfied();
        Exception e = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(SourceException.class).hasMessageContaining(url).hasMessageContaining("403");
        assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.ACCESS_DENIED);
        assertThat(getMockEndpoint("mock:hdus").getReceivedCounter()).isZero();
    }

    @Test
    void aTruncatedHeaderFailsWithItsUrlAndOffset() throws Exception {
        byte[] whole = Files.readAllBytes(Corpus.file("astropy_o4sp040b0_raw.fits"));
        // Cut inside the second HDU's header: the primary header is fine, the next one never ends.
        long secondHeader = GoldenCorpus.of("astropy_o4sp040b0_raw.fits").hdus().get(1).get("headerOffset").asLong();
        CORPUS.server().put("/cut/short.fits", Arrays.copyOf(whole, (int) secondHeader + 1000));
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        String url = CORPUS.server().url("/cut/short.fits");

        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?url=" + url));

        errors.assertIsSatisfied();
        Exception e = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        long end = secondHeader + 1000;
        assertThat(e).isInstanceOf(FitsFormatException.class).hasMessageContaining(url)
                .hasMessageContaining("byte " + end);
        assertThat(((FitsFormatException) e).hdu()).isEqualTo(1);
        assertThat(((FitsFormatException) e).offset()).as("where the header was cut").isEqualTo(end);
        assertThat(getMockEndpoint("mock:hdus").getReceivedCounter()).as("no HDU of a failed object").isZero();
    }

    /** PRIMARY for the primary HDU, else what astropy read from XTENSION. */
    private static String xtensionOrPrimary(JsonNode goldenHdu) {
        if (goldenHdu.get("index").asInt() == 0) {
            return "PRIMARY";
        }
        for (JsonNode card : goldenHdu.get("cards")) {
            if (card.get("keyword").asText().equals("XTENSION")) {
                return card.get("value").asText().strip();
            }
        }
        throw new AssertionError("no XTENSION in " + goldenHdu);
    }
}
