package io.astrocloud.samples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.camel.AstroCloudConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * FITS headers to Kafka, in the Java DSL: one record per HDU of the object {@code {{fits.url}}},
 * keyed {@code URL#HDU-index}, whose value is the header's cards as JSON
 * ({@code [{"keyword", "value", "comment"}]}, values typed). {@link ObjectPartitioner} puts every
 * record of one object on one partition, so a consumer reads an object's HDUs in order whatever
 * the topic's partition count. {@code routes/headers-to-kafka.yaml} is the same route in YAML.
 *
 * <p>Properties: {@code fits.url}, {@code kafka.brokers}, {@code kafka.topic}.
 */
public final class HeadersToKafkaRoute extends RouteBuilder {
    /** The route's id (both DSLs). */
    public static final String ROUTE_ID = "fits-headers-to-kafka";

    @Override
    public void configure() {
        from("astrocloud:headers?url={{fits.url}}").routeId(ROUTE_ID)
                .setHeader(KafkaConstants.KEY,
                        simple("${header." + AstroCloudConstants.URL + "}#${header." + AstroCloudConstants.HDU_INDEX + "}"))
                .convertBodyTo(JsonNode.class)
                .convertBodyTo(String.class)
                .to("kafka:{{kafka.topic}}?brokers={{kafka.brokers}}&partitioner=" + ObjectPartitioner.class.getName());
    }
}
