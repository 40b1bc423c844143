package io.astrocloud.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.SourceException;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.util.Collection;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer's readiness check, as Camel's consumers repository reports it: it probes the store, up
 * when it answers, down with the store's answer when not.
 */
class ReadinessCheckTest extends CamelTestSupport {
    private static RangeHttpServer http;

    @BeforeAll
    static void serve() throws IOException {
        http = RangeHttpServer.start().put("/ok.fits", Corpus.file("astropy_ascii.fits"))
                .put("/locked.fits", Corpus.file("astropy_ascii.fits")).fault("/locked.fits", Faults.status(403));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A plain test context has no health-check registry; camel-main and the runtimes install one like this. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(registry.resolveById("consumers"));
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Test
    void goesDownWithTheStoresAnswerWhenTheStoreStopsAnsweringAndUpAgainAfter() throws Exception {
        MockEndpoint ok = getMockEndpoint("mock:hdus");
        ok.expectedMessageCount(2);
        context.addRoutes(ConsumerRoutes.toMock("astrocloud:headers?url=" + http.url("/ok.fits")));
        ok.assertIsSatisfied();
        String check = "consumer:" + context.getRoutes().get(0).getRouteId();
        // Camel counts the consumer ready once its first poll has returned, just after the last exchange.
        awaitReadiness(check, HealthCheck.State.UP);

        // The poll went well; only a probe of the store can tell that access has since been withdrawn.
        http.fault("/ok.fits", Faults.status(403));
        HealthCheck.Result down = readiness(check);
        http.fault("/ok.fits", null);

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(http.url("/ok.fits"))
                .contains("access denied"));
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void isDownAfterAFailedPollWithItsError() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        context.addRoutes(ConsumerRoutes.withErrorsToMock("astrocloud:headers?url=" + http.url("/locked.fits")));
        errors.assertIsSatisfied();

        // The failed poll is counted just after the error handler had it.
        String check = "consumer:" + context.getRoutes().get(0).getRouteId();
        HealthCheck.Result locked = awaitReadiness(check, r -> r.getError().isPresent());

        assertThat(locked.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(locked.getError()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(SourceException.class)
                .hasMessageContaining(http.url("/locked.fits")).hasMessageContaining("HTTP 403"));
    }

    private void awaitReadiness(String id, HealthCheck.State state) throws InterruptedException {
        assertThat(awaitReadiness(id, r -> r.getState() == state).getState()).isEqualTo(state);
    }

    /** The first readiness result of {@code id} that {@code wanted} accepts, or the last one after 10 s. */
    private HealthCheck.Result awaitReadiness(String id, Predicate<HealthCheck.Result> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HealthCheck.Result result = readiness(id);
        while (!wanted.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            result = readiness(id);
        }
        return result;
    }

    private HealthCheck.Result readiness(String id) {
        return result(HealthCheckHelper.invokeReadiness(context, "full"), id);
    }

    private static HealthCheck.Result result(Collection<HealthCheck.Result> results, String id) {
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " among "
                        + results.stream().map(r -> r.getCheck().getId()).toList()));
    }
}
