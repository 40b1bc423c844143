package io.astrocloud.camel;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.scan.FitsNames;
import io.astrocloud.settings.Defaults;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** Translates an endpoint's options into the core's: how to reach objects, how to walk them. */
final class CoreOptions {
    private CoreOptions() {
    }

    /** How to reach objects. A supplied S3 client is passed on to be used as is, never closed. */
    static AccessOptions access(AstroCloudConfiguration c) {
        Duration timeout = Duration.ofMillis(c.getRequestTimeout());
        URI endpoint = c.getEndpointOverride() == null || c.getEndpointOverride().isBlank()
                ? null : URI.create(c.getEndpointOverride());
        S3Access s3 = S3Access.builder()
                .anonymous(c.isAnonymous())
                .profile(c.getProfile())
                .region(c.getRegion())
                .endpoint(endpoint)
                .pathStyle(c.isPathStyle())
                .requesterPays(c.isRequesterPays())
                .timeout(timeout)
                .maxConnections(Defaults.connections(c.getConcurrency()))
                .build();
        AccessOptions.Builder b = AccessOptions.builder()
                .s3(s3)
                .s3Client(c.getS3Client())
                .timeout(timeout)
                .retry(RetryPolicy.retries(c.getRetries()));
        for (Map.Entry<String, Object> e : c.getHttpHeaders().entrySet()) {
            b.httpHeader(e.getKey(), String.valueOf(e.getValue()));
        }
        for (Map.Entry<String, Object> e : c.getSettings().entrySet()) {
            b.setting(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
        }
        return b.build();
    }

    /** How each object is walked. */
    static WalkOptions walk(AstroCloudConfiguration c) {
        return new WalkOptions(c.getReadAhead(), c.getMaxHeaderSize(), c.isGzip(), c.getPrefetch());
    }

    /** Which keys under a prefix are walked. */
    static Pattern include(AstroCloudConfiguration c) {
        return c.getInclude() == null || c.getInclude().isBlank() ? FitsNames.DEFAULT : Pattern.compile(c.getInclude());
    }
}
