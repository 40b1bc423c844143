package io.astrocloud.samples.indexing;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Indexing on upload as a Camel route, in the Java DSL: every FITS file dropped into the folder
 * {@code {{upload.inbox}}} (subfolders included) is uploaded to bucket {@code {{upload.bucket}}}
 * under its relative path, and S3's notification of it is delivered to the indexing function, by
 * the {@link IndexOnUpload} bound as {@code indexOnUpload}; the file then leaves the inbox.
 * {@code routes/upload-and-index.yaml} is the same route in YAML.
 */
public final class UploadAndIndexRoute extends RouteBuilder {
    /** The route's id (both DSLs). */
    public static final String ROUTE_ID = "fits-upload-and-index";
    /** Name of the {@link IndexOnUpload} bean the route calls. */
    public static final String BEAN = "indexOnUpload";

    @Override
    public void configure() {
        from("file:{{upload.inbox}}?recursive=true&delete=true&includeExt=fits,fit,fts,fz").routeId(ROUTE_ID)
                .bean(BEAN, "upload('{{upload.bucket}}', '${file:name}', ${body})")
                .log(LoggingLevel.INFO, "io.astrocloud.samples", "${body.url}: ${body.result}");
    }
}
