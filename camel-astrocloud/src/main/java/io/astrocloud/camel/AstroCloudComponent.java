package io.astrocloud.camel;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code astrocloud} component: creates {@link AstroCloudEndpoint}s and holds the options they
 * share (for example one {@code s3Client}, or {@code anonymous} for every endpoint).
 */
@Component("astrocloud")
public class AstroCloudComponent extends HealthCheckComponent {
    /**
     * Option names Camel's own URI sanitizer does not know as secret, added to the context's
     * sensitive keywords (matched within option names, as Camel does): user headers
     * ({@code httpHeader.*}), and the signatures and credentials of presigned URLs given in
     * {@code url=RAW(...)}.
     */
    static final String SENSITIVE_KEYWORDS = "httpHeader,sig,X-Amz-Credential,X-Goog-Credential";

    @Metadata
    private AstroCloudConfiguration configuration = new AstroCloudConfiguration();

    /** A component to be added to a context later. */
    public AstroCloudComponent() {
    }

    /** A component for {@code context}. */
    public AstroCloudComponent(CamelContext context) {
        super(context);
    }

    /**
     * Adds {@link #SENSITIVE_KEYWORDS} to the context's, so that Camel's messages that print an
     * endpoint URI themselves (message history, endpoint errors) mask them too; the endpoint, consumer
     * and producer print theirs through {@code Redaction}.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ExtendedCamelContext context = getCamelContext().getCamelContextExtension();
        String keywords = context.getAdditionalSensitiveKeywords();
        if (keywords == null || keywords.isBlank()) {
            context.setAdditionalSensitiveKeywords(SENSITIVE_KEYWORDS);
        } else if (!keywords.contains(SENSITIVE_KEYWORDS)) {
            context.setAdditionalSensitiveKeywords(keywords + "," + SENSITIVE_KEYWORDS);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AstroCloudConfiguration copy = configuration.copy();
        AstroCloudEndpoint endpoint = new AstroCloudEndpoint(uri, this, copy);
        endpoint.setOperation(remaining);
        copy.getSettings().putAll(PropertiesHelper.extractProperties(parameters, "setting."));
        copy.getHttpHeaders().putAll(PropertiesHelper.extractProperties(parameters, "httpHeader."));
        // A FITS file is walked once unless the route asks to poll: its headers do not change.
        endpoint.setRepeatCount(1);
        endpoint.setInitialDelay(0);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public AstroCloudConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every endpoint of this component (each endpoint can override them). */
    public void setConfiguration(AstroCloudConfiguration configuration) {
        this.configuration = configuration;
    }
}
