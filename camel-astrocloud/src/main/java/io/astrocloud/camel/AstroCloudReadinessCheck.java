package io.astrocloud.camel;

import io.astrocloud.fits.DataSize;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceException;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The consumer's health check ({@code consumer:ROUTE_ID} in Camel's consumers repository). It
 * reports what Camel's polling check reports (down after failed polls, with the last error), and,
 * asked for readiness, also whether the store answers with these credentials now: an object URL is
 * probed with one ranged read of its first 2880-byte block, a prefix with its first listing page.
 * Down, the result carries the store's answer with the URL and, for reads, the HTTP status.
 */
final class AstroCloudReadinessCheck implements HealthCheck {
    private final AstroCloudEndpoint endpoint;
    private final HealthCheck polling;

    /**
     * @param endpoint the consumer's endpoint (its URL and its store clients)
     * @param polling  Camel's check of the consumer's polls, whose id and state this check extends
     */
    AstroCloudReadinessCheck(AstroCloudEndpoint endpoint, HealthCheck polling) {
        this.endpoint = endpoint;
        this.polling = polling;
    }

    @Override
    public String getGroup() {
        return polling.getGroup();
    }

    @Override
    public String getId() {
        return polling.getId();
    }

    @Override
    public boolean isEnabled() {
        return polling.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        polling.setEnabled(enabled);
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polled = polling.call(options);
        boolean readiness = options.getOrDefault(CHECK_KIND, Kind.ALL) != Kind.LIVENESS;
        if (!readiness || !isEnabled() || polled.getState() == State.DOWN) {
            return polled;
        }
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).details(polled.getDetails());
        String url = endpoint.getConfiguration().getUrl();
        try {
            probe(url);
            return result.up().build();
        } catch (SourceException e) {
            if (e.status() > 0) {
                result.detail(HTTP_RESPONSE_CODE, e.status());
            }
            return result.message(e.getMessage()).error(e).down().build();
        } catch (Exception e) {
            return result.message(Redaction.text(url + ": " + e.getMessage())).error(e).down().build();
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
