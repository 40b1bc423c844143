package io.astrocloud.camel;

import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.Redaction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Walks the object a message names and replaces the body with its HDUs, a {@code List<Hdu>} in HDU
 * order, so that {@code .split(body())} gives one message per HDU (each converts to its ObsCore row,
 * as the consumer's do). The URL comes from the
 * {@value AstroCloudConstants#URL} header, else from a String body, else from the endpoint's
 * {@code url}. A failed walk fails the exchange with an exception naming the URL and byte offset.
 */
public class AstroCloudProducer extends DefaultProducer {
    /** A producer of {@code endpoint}. */
    public AstroCloudProducer(AstroCloudEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AstroCloudEndpoint getEndpoint() {
        return (AstroCloudEndpoint) super.getEndpoint();
    }

    /** As Camel prints a producer, with its endpoint's secrets masked ({@link AstroCloudEndpoint#toString()}). */
    @Override
    public String toString() {
        return Redaction.text(super.toString());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String url = urlOf(exchange.getIn());
        ScanResult result = getEndpoint().scanner().walk(ObjectRef.of(url));
        if (!result.ok()) {
            throw result.error();
        }
        Message out = exchange.getMessage();
        out.setBody(result.hdus());
        HduMessage.keepRows(exchange, ObsCoreRows.of(result.hdus(), result.info()));
        HduMessage.describeObject(out, url, result.info());
        out.setHeader(AstroCloudConstants.HDU_COUNT, result.hdus().size());
    }

    private String urlOf(Message in) {
        String url = in.getHeader(AstroCloudConstants.URL, String.class);
        if (url == null && in.getBody() instanceof String) {
            url = ((String) in.getBody()).strip();
        }
        if (url == null || url.isEmpty()) {
            url = getEndpoint().getConfiguration().getUrl();
        }
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("no URL to walk: set the " + AstroCloudConstants.URL
                    + " header, a String body, or the endpoint's url option");
        }
        return url;
    }
}
