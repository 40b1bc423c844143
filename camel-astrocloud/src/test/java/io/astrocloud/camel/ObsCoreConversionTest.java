package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.AstroCloud;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.fits.Hdu;
import io.astrocloud.golden.AstropyFootprint;
import io.astrocloud.healpix.AngularDistance;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.testkit.Corpus;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each HDU's ObsCore row in routes: the consumer's s_ra, s_dec and t_min headers (the sky centre
 * against astropy.wcs's footprint, golden/wcs), the body converted to the row, its map and JSON, and
 * the producer's list split into HDUs that convert alike. The file is an HST STIS dataset (8 HDUs;
 * two science images with a celestial WCS, the observation keywords in the primary header only).
 */
class ObsCoreConversionTest extends CamelTestSupport {
    private static final String FILE = "pyraf_pset_msstat_input.fits";

    @RegisterExtension
    static final CorpusOverHttp CORPUS = new CorpusOverHttp();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk").to("astrocloud:headers").split(body()).convertBodyTo(ObsCore.class).to("mock:rows");
            }
        };
    }

    @Test
    void theConsumerSetsEachHdusSkyCentreAndStartAndItsBodyConvertsToTheRow() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:hdus");
        mock.expectedMessageCount(8);
        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + CORPUS.url(FILE)));
        mock.assertIsSatisfied();
        int withSky = 0;
        for (Exchange e : mock.getReceivedExchanges()) {
            Hdu hdu = e.getIn().getBody(Hdu.class);
            Double ra = e.getIn().getHeader(AstroCloudConstants.S_RA, Double.class);
            Double dec = e.getIn().getHeader(AstroCloudConstants.S_DEC, Double.class);
            Optional<AstropyFootprint> astropy = AstropyFootprint.of(FILE, hdu.index());
            if (astropy.isPresent() && astropy.get().sky()) {
                assertThat(AngularDistance.degrees(ra, dec, astropy.get().centre()[0], astropy.get().centre()[1]))
                        .as("HDU " + hdu.index()).isLessThan(AstropyFootprint.TOLERANCE_DEG);
                // STIS writes the exposure's start as EXPSTART (MJD) in each science extension.
                assertThat(e.getIn().getHeader(AstroCloudConstants.T_MIN, Double.class))
                        .isCloseTo((Double) hdu.value("EXPSTART"), within(1e-9));
                withSky++;
            } else {
                assertThat(ra).as("HDU " + hdu.index()).isNull();
                assertThat(dec).isNull();
            }
            ObsCore row = e.getIn().getBody(ObsCore.class);
            assertThat(row.real(ObsCoreColumn.S_RA).isPresent() ? row.real(ObsCoreColumn.S_RA).getAsDouble() : null)
                    .isEqualTo(ra);
            assertThat(row.string(ObsCoreColumn.INSTRUMENT_NAME)).as("inherited from the primary header").hasValue("STIS");
            assertThat(e.getIn().getBody(ObsCore.class)).as("described once per HDU").isSameAs(row);
            Map<?, ?> map = context.getTypeConverter().mandatoryConvertTo(Map.class, e, row);
            List<Object> columns = new ArrayList<>();
            row.values().keySet().forEach(c -> columns.add(c.columnName()));
            columns.add("why");
            assertThat(new ArrayList<>(map.keySet())).as("ObsCore column order, then why").isEqualTo(columns);
            assertThat(map.get("facility_name")).isEqualTo("HST");
            JsonNode json = context.getTypeConverter().mandatoryConvertTo(JsonNode.class, e, row);
            assertThat(json.get("why").get("calib_level").asText()).isNotBlank();
        }
        assertThat(withSky).isEqualTo(2);
    }

    @Test
    void theProducersHdusSplitConvertToTheirRowsWithTheObjectsSize() throws Exception {
        MockEndpoint rows = getMockEndpoint("mock:rows");
        rows.expectedMessageCount(8);
        template.sendBody("direct:walk", CORPUS.url(FILE));
        rows.assertIsSatisfied();
        long kbyte = (Files.size(Corpus.file(FILE)) + 999) / 1000;
        for (Exchange e : rows.getReceivedExchanges()) {
            ObsCore row = e.getIn().getBody(ObsCore.class);
            assertThat(row.integer(ObsCoreColumn.ACCESS_ESTSIZE)).hasValue(kbyte);
            assertThat(row.string(ObsCoreColumn.TARGET_NAME)).hasValue("BIAS");
        }
        ObsCore sci = rows.getReceivedExchanges().get(1).getIn().getBody(ObsCore.class);
        assertThat(sci.string(ObsCoreColumn.DATAPRODUCT_TYPE)).hasValue("image");
        assertThat(sci.string(ObsCoreColumn.S_REGION)).get().asString().startsWith("POLYGON ICRS ");
    }

    @Test
    void anExtensionOutsideTheComponentsExchangesSaysWhyItCannotBeDescribed() throws Exception {
        List<Hdu> hdus = AstroCloud.loadHeaders(Corpus.file(FILE).toString(), AccessOptions.defaults(),
                WalkOptions.DEFAULT);
        Exchange bare = new DefaultExchange(context);
        assertThatThrownBy(() -> context.getTypeConverter().mandatoryConvertTo(ObsCore.class, bare, hdus.get(1)))
                .isInstanceOf(TypeConversionException.class).hasStackTraceContaining("inherits from its primary header");
        bare.getMessage().setHeader(AstroCloudConstants.OBJECT_SIZE, 132_480L);
        ObsCore primary = context.getTypeConverter().mandatoryConvertTo(ObsCore.class, bare, hdus.get(0));
        assertThat(primary.string(ObsCoreColumn.INSTRUMENT_NAME)).hasValue("STIS");
        assertThat(primary.integer(ObsCoreColumn.ACCESS_ESTSIZE)).hasValue(133);
    }
}
