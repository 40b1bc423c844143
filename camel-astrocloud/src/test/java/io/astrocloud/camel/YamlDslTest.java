package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * A route in the YAML DSL, loaded by camel-main as Camel JBang runs routes: the component is found
 * through its generated service file, with no registration code.
 */
class YamlDslTest {
    @Test
    void aYamlRouteLoadedByCamelMainRunsTheComponent() throws Exception {
        try (RangeHttpServer http = RangeHttpServer.start()) {
            http.put("/stis.fits", Corpus.file("astropy_o4sp040b0_raw.fits"));
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/fits-headers.yaml");
            main.addInitialProperty("fits.url", http.url("/stis.fits"));
            // A component option set the way camel-main users set them, through the generated configurer.
            main.addInitialProperty("camel.component.astrocloud.max-header-size", "1048576");
            main.start();
            try {
                MockEndpoint mock = main.getCamelContext().getEndpoint("mock:yaml", MockEndpoint.class);
                mock.expectedMessageCount(7);
                mock.assertIsSatisfied();

                List<Exchange> received = mock.getReceivedExchanges();
                assertThat(received).extracting(e -> e.getIn().getHeader("hdu"))
                        .containsExactly("0 PRIMARY", "1 IMAGE", "2 IMAGE", "3 IMAGE", "4 IMAGE", "5 IMAGE", "6 IMAGE");
                assertThat(received.get(1).getIn().getBody()).isInstanceOf(String.class)
                        .asString().startsWith("XTENSION= 'IMAGE   '");
                assertThat(main.getCamelContext().getComponent("astrocloud")).isInstanceOf(AstroCloudComponent.class);
                AstroCloudEndpoint endpoint = main.getCamelContext().getEndpoints().stream()
                        .filter(AstroCloudEndpoint.class::isInstance).map(AstroCloudEndpoint.class::cast)
                        .findFirst().orElseThrow();
                assertThat(endpoint.getConfiguration().getMaxHeaderSize()).isEqualTo(1048576);
            } finally {
                main.stop();
            }
        }
    }
}
