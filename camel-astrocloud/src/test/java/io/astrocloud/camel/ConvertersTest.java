package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.fits.Hdu;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nom.tam.fits.Header;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The type converters, on headers the consumer read from a real file (HST STIS, 7 HDUs, blank
 * cards whose text starts with blanks) and on a header built in memory with nom-tam-fits.
 */
class ConvertersTest extends CamelTestSupport {
    private static final String FILE = "astropy_o4sp040b0_raw.fits";

    @Test
    void aConsumedHeaderConvertsToItsCardsAndBytesExactlyAsStored() throws Exception {
        byte[] file = Files.readAllBytes(Corpus.file(FILE));
        List<Exchange> hdus = consume(FILE, 7);

        for (Exchange e : hdus) {
            int offset = e.getIn().getHeader(AstroCloudConstants.HEADER_OFFSET, Integer.class);
            int size = e.getIn().getHeader(AstroCloudConstants.HEADER_SIZE, Integer.class);
            byte[] stored = Arrays.copyOfRange(file, offset, offset + size);

            assertThat(e.getIn().getBody(byte[].class)).isEqualTo(stored);
            String text = e.getIn().getBody(String.class);
            List<String> lines = List.of(text.split("\n", -1));
            assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(80));
            assertThat(lines.get(lines.size() - 1)).startsWith("END     ");
            assertThat(String.join("", lines)).isEqualTo(
                    new String(stored, 0, lines.size() * 80, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aConsumedHeaderConvertsToTypedValuesAndToAstropysCards() throws Exception {
        List<Exchange> hdus = consume(FILE, 7);
        Exchange primary = hdus.get(0);

        @SuppressWarnings("unchecked")
        Map<String, Object> values = primary.getIn().getBody(Map.class);
        assertThat(values).containsEntry("SIMPLE", true).containsEntry("BITPIX", 16L).containsEntry("NAXIS", 0L)
                .containsEntry("NEXTEND", 6L).containsEntry("EQUINOX", 2000.0).containsEntry("TELESCOP", "HST")
                .containsEntry("RA_TARG", 176.1216666667);
        assertThat(values.get("")).asList().contains("      / DATA DESCRIPTION KEYWORDS");
        assertThat(values.keySet()).startsWith("SIMPLE", "BITPIX", "NAXIS", "EXTEND");

        JsonNode golden = GoldenCorpus.of(FILE).hdus();
        for (int i = 0; i < hdus.size(); i++) {
            JsonNode cards = hdus.get(i).getIn().getBody(JsonNode.class);
            assertThat(GoldenCorpus.cardDifferences(FILE + " HDU " + i, cards, golden.get(i).get("cards"))).isEmpty();
            assertThat(cards.toString()).as("JSON text").startsWith("[{\"keyword\":");
        }
    }

    @Test
    void aHeaderBuiltInMemoryConvertsThroughNomTamFitsRendering() throws Exception {
        Header header = new Header();
        header.addValue("SIMPLE", true, "standard");
        header.addValue("BITPIX", -32, "float");
        header.addValue("NAXIS", 0, "no data");
        header.addValue("OBJECT", "M 83", "target");
        header.insertHistory("reduced by a route");

        String text = context.getTypeConverter().mandatoryConvertTo(String.class, header);
        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, header);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = context.getTypeConverter().mandatoryConvertTo(Map.class, header);
        JsonNode cards = context.getTypeConverter().mandatoryConvertTo(JsonNode.class, header);

        assertThat(text.split("\n")).hasSize(6).allSatisfy(line -> assertThat(line).hasSize(80));
        assertThat(text).startsWith("SIMPLE  =                    T").endsWith(String.format("%-80s", "END"));
        assertThat(bytes).hasSize(2880);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo(String.format("%-2880s", text.replace("\n", "")));
        assertThat(values).containsEntry("BITPIX", -32L).containsEntry("OBJECT", "M 83")
                // nom-tam-fits writes "HISTORY  reduced ...": the text after column 8 keeps that blank.
                .containsEntry("HISTORY", List.of(" reduced by a route"));
        assertThat(cards).hasSize(5);
        assertThat(cards.get(3).get("value").asText()).isEqualTo("M 83");
    }

    @Test
    void theProducersHdusConvertToHeaderTextMapAndJson() throws Exception {
        List<?> hdus = template.requestBody("astrocloud:headers", Corpus.dir().resolve(FILE).toString(), List.class);
        Hdu sci = (Hdu) hdus.get(1);

        assertThat(context.getTypeConverter().convertTo(Header.class, sci)).isSameAs(sci.header());
        assertThat(context.getTypeConverter().convertTo(String.class, sci)).isEqualTo(String.join("\n", sci.cardImages()));
        assertThat(context.getTypeConverter().convertTo(Map.class, sci)).containsEntry("XTENSION", "IMAGE")
                .containsEntry("EXTNAME", "SCI");
        JsonNode json = context.getTypeConverter().convertTo(JsonNode.class, sci);
        JsonNode astropy = GoldenCorpus.of(FILE).hdus().get(1).get("cards");
        assertThat(GoldenCorpus.cardDifferences(FILE + " HDU 1", json, astropy)).isEmpty();
        JsonNode walk = context.getTypeConverter().convertTo(JsonNode.class, hdus);
        assertThat(walk.get("hdus").get(1).get("type").asText()).isEqualTo("IMAGE");
        assertThat(walk.get("hdus").get(1).get("dataOffset").asLong()).isEqualTo(sci.dataOffset());
        assertThat(context.getTypeConverter().tryConvertTo(JsonNode.class, List.of("not", "HDUs")))
                .as("a list of something else is not taken for HDUs").isNull();
    }

    @Test
    void marshalsToJsonThroughTheMapAndSendsStringsAsKafkaWould() throws Exception {
        MockEndpoint json = getMockEndpoint("mock:json");
        json.expectedMessageCount(7);
        MockEndpoint text = getMockEndpoint("mock:text");
        text.expectedMessageCount(7);
        String url = Corpus.file(FILE).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("astrocloud:headers?url=" + url)
                        .multicast().to("direct:json", "direct:text");
                from("direct:json").convertBodyTo(Map.class).marshal().json().convertBodyTo(String.class).to("mock:json");
                from("direct:text").convertBodyTo(String.class).to("mock:text");
            }
        });

        MockEndpoint.assertIsSatisfied(context);
        JsonNode primary = new ObjectMapper().readTree(json.getReceivedExchanges().get(0).getIn().getBody(String.class));
        assertThat(primary.get("SIMPLE").asBoolean()).isTrue();
        assertThat(primary.get("BITPIX").isIntegralNumber()).isTrue();
        assertThat(primary.get("RA_TARG").asDouble()).isEqualTo(176.1216666667);
        assertThat(text.getReceivedExchanges().get(1).getIn().getBody(String.class)).startsWith("XTENSION= 'IMAGE   '");
    }

    private List<Exchange> consume(String file, int hdus) throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(hdus);
        String url = Corpus.file(file).toString();
        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + url));
        mock.assertIsSatisfied();
        return mock.getReceivedExchanges();
    }
}
