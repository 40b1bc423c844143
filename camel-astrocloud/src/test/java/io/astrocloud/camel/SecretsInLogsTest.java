package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes that carry secrets (an Authorization header, an Azure SAS setting, presigned URLs) and
 * fail: everything logged while they start, poll, fail and stop (slf4j-simple writes to stderr,
 * captured here) names the endpoints and the objects but holds none of the secrets; the core's
 * retries are logged too.
 */
class SecretsInLogsTest {
    private static final String QUERY = "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAPLANTED%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Security-Token=PLANTED-token&X-Amz-SignedHeaders=host&X-Amz-Signature=beefPLANTED";
    private static final String SECRETS = "&httpHeader.Authorization=RAW(Bearer PLANTED-bearer)"
            + "&setting.azure.sasToken=RAW(sv=2022-11-02&sp=r&sig=PLANTED-sig)";
    private RangeHttpServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream realErr;

    @BeforeEach
    void start() throws Exception {
        server = RangeHttpServer.start()
                .put("/b/denied.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(1, 1)));
        server.fault("/b/denied.fits", Faults.status(403)).fault("/b/flaky.fits", Faults.status(500));
        realErr = System.err;
        System.setErr(new PrintStream(new TeeStream(log, realErr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(realErr);
        server.close();
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void failingPollsAndExchangesLogNoSecret() throws Exception {
        String raw = server.url("/b/denied.fits") + "?sv=2022-11-02&sp=r&sig=PLANTED-url-sig";
        String flaky = server.url("/b/flaky.fits") + QUERY;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("astrocloud:headers?url=RAW(" + raw + ")" + SECRETS).routeId("raw-url").to("mock:hdus");
                    from("astrocloud:headers?retries=1&url=RAW(" + flaky + ")" + SECRETS).routeId("presigned-url")
                            .to("mock:hdus");
                    from("direct:walk").routeId("producer")
                            .to("astrocloud:headers?httpHeader.Cookie=RAW(PLANTED-cookie)&retries=0");
                }
            });
            context.start();
            assertThat(context.getRoute("raw-url").getEndpoint().toString())
                    .contains("/b/denied.fits", "httpHeader.Authorization=***", "sig=***").doesNotContain("PLANTED");
            assertThat(context.getRoute("presigned-url").getConsumer().toString())
                    .contains("X-Amz-Signature=***").doesNotContain("PLANTED");
            waitFor(() -> logged().contains("Failed polling endpoint") && logged().contains("flaky.fits"));
            ProducerTemplate template = context.createProducerTemplate();
            try {
                template.sendBody("direct:walk", server.url("/b/denied.fits") + QUERY);
            } catch (CamelExecutionException expected) {
                assertThat(expected.getCause()).hasMessageContaining("access denied")
                        .hasMessageNotContaining("PLANTED");
            }
        }
        String log = logged();
        assertThat(log).contains("Failed polling endpoint", "/b/denied.fits", "/b/flaky.fits", "access denied",
                "Attempt 1 of 2 failed");
        assertThat(log).doesNotContain("PLANTED");
    }

    @Test
    void optionsThatCarrySecretsAreMarkedSecretForCamelAndItsTools() throws Exception {
        JsonNode component;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/astrocloud/camel/astrocloud.json")) {
            component = new ObjectMapper().readTree(in);
        }
        for (String option : new String[] {"httpHeaders", "settings"}) {
            assertThat(component.at("/properties/" + option + "/secret").asBoolean()).as(option).isTrue();
            assertThat(component.at("/componentProperties/" + option + "/secret").asBoolean()).as(option).isTrue();
        }
        assertThat(new AstroCloudEndpointUriFactory().secretPropertyNames()).contains("httpHeaders", "settings");
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Writes to the capture and on to the real stderr. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
