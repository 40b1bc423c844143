package io.astrocloud.camel;

import io.astrocloud.fits.DataSize;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceException;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The consumer's health check ({@code consumer:ROUTE_ID} in Camel's consumers repository). It
 * reports what Camel's polling check reports (down after failed polls, with the last error), and,
 * asked for readiness, also whether the store answers with these credentials now: an object URL is
 * probed with one ranged read of its first 2880-byte block, a prefix with its first listing page.
 * Down, the result carries the store's answer with the URL and, for reads, the HTTP status.
 */
final class AstroCloudReadinessCheck extends AbstractHealthCheck {
    private final AstroCloudEndpoint endpoint;
    private final HealthCheck polling;

    /**
     * @param endpoint the consumer's endpoint (its URL and its store clients)
     * @param polling  Camel's check of the consumer's polls, whose group, id and state this check extends
     */
    AstroCloudReadinessCheck(AstroCloudEndpoint endpoint, HealthCheck polling) {
        super(polling.getGroup(), polling.getId());
        this.endpoint = endpoint;
        this.polling = polling;
        setCamelContext(endpoint.getCamelContext());
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Result polled = polling.call(options);
        builder.state(polled.getState()).details(polled.getDetails());
        polled.getMessage().ifPresent(builder::message);
        polled.getError().ifPresent(builder::error);
        boolean readiness = options.getOrDefault(CHECK_KIND, Kind.ALL) != Kind.LIVENESS;
        if (!readiness || polled.getState() == State.DOWN) {
            return;
        }
        String url = endpoint.getConfiguration().getUrl();
        try {
            probe(url);
            builder.up();
        } catch (SourceException e) {
            if (e.status() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, e.status());
            }
            builder.message(e.getMessage()).error(e).down();
        } catch (Exception e) {
            builder.message(Redaction.text(url + ": " + e.getMessage())).error(e).down();
        }
    }

    private void probe(String url) throws Exception {
        if (endpoint.namesPrefix(url)) {
            endpoint.resolver().list(url, endpoint.include()).hasNext();
            return;
        }
        try (RangeSource source = endpoint.resolver().open(url)) {
            source.read(RangeRequest.of(0, DataSize.BLOCK));
        }
    }
}
