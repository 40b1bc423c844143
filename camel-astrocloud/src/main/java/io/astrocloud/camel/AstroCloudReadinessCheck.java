package io.astrocloud.camel;

import io.astrocloud.fits.DataSize;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceException;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.URISupport;

/**
 * Readiness of a consumer: whether its store answers with these credentials. An object URL is
 * probed with one ranged read of its first 2880-byte block; a prefix with its first listing page.
 * Down, the result carries the store's answer (with the URL and, for reads, the HTTP status).
 */
public final class AstroCloudReadinessCheck implements HealthCheck {
    private static final String REPOSITORY = "components";

    private final AstroCloudEndpoint endpoint;
    private final String id;
    private volatile boolean enabled = true;

    AstroCloudReadinessCheck(AstroCloudEndpoint endpoint, String routeId) {
        this.endpoint = endpoint;
        this.id = "astrocloud-consumer-" + routeId;
    }

    /** Adds a check for {@code consumer} when health checks are on the class path; else returns null. */
    static AstroCloudReadinessCheck register(AstroCloudConsumer consumer) {
        WritableHealthCheckRepository repository = repository(consumer.getEndpoint());
        if (repository == null) {
            return null;
        }
        AstroCloudReadinessCheck check = new AstroCloudReadinessCheck(consumer.getEndpoint(), consumer.getRouteId());
        AstroCloudComponent component = consumer.getEndpoint().getComponent();
        check.setEnabled(component.isHealthCheckConsumerEnabled());
        repository.addHealthCheck(check);
        return check;
    }

    /** Removes {@code check} (null: nothing to remove). */
    static void unregister(AstroCloudConsumer consumer, AstroCloudReadinessCheck check) {
        WritableHealthCheckRepository repository = repository(consumer.getEndpoint());
        if (repository != null && check != null) {
            repository.removeHealthCheck(check);
        }
    }

    private static WritableHealthCheckRepository repository(AstroCloudEndpoint endpoint) {
        return HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), REPOSITORY,
                WritableHealthCheckRepository.class);
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        result.detail(ENDPOINT_URI, URISupport.sanitizeUri(endpoint.getEndpointUri()));
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
            return result.message(url + ": " + e.getMessage()).error(e).down().build();
        }
    }

    private void probe(String url) throws Exception {
        if (endpoint.namesPrefix(url)) {
            ScanTargets.expand(endpoint.resolver(), List.of(url), endpoint.include()).hasNext();
            return;
        }
        try (RangeSource source = endpoint.resolver().open(url, null)) {
            source.read(RangeRequest.of(0, DataSize.BLOCK));
        }
    }
}
