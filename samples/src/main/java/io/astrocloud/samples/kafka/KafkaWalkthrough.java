package io.astrocloud.samples.kafka;

import io.astrocloud.samples.RouteDsl;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Kafka sample on a running broker: each object goes through the headers-to-Kafka route (the
 * first in the Java DSL, the others in the YAML DSL, to show both), then the topic is read back
 * and its records printed, a few per object.
 */
public final class KafkaWalkthrough {
    /** The topic the walkthrough writes. */
    public static final String TOPIC = "fits-headers";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SHOWN = 3;

    private KafkaWalkthrough() {
    }

    /**
     * Sends the headers of {@code urls} to {@value #TOPIC} on {@code brokers} and prints what the
     * topic then holds.
     *
     * @param beans bound in the route's registry (an {@code S3Client} for s3:// URLs of a private store)
     */
    public static void run(String brokers, List<String> urls, Map<String, Object> beans, PrintWriter out)
            throws Exception {
        for (int i = 0; i < urls.size(); i++) {
            RouteDsl dsl = i == 0 ? RouteDsl.JAVA : RouteDsl.YAML;
            String route = dsl == RouteDsl.JAVA ? "HeadersToKafkaRoute.java" : "headers-to-kafka.yaml";
            long start = System.nanoTime();
            int sent = HeadersToKafka.run(dsl, Map.of(HeadersToKafka.URL, urls.get(i), HeadersToKafka.BROKERS, brokers,
                    HeadersToKafka.TOPIC, TOPIC), beans, TIMEOUT);
            out.printf("      route %-24s %s -> kafka:%s  %d records in %d ms%n", route, urls.get(i), TOPIC, sent,
                    (System.nanoTime() - start) / 1_000_000);
        }
        List<ConsumerRecord<String, String>> records = HeaderRecords.readAll(brokers, TOPIC, TIMEOUT);
        out.println("      read back with a Kafka consumer: " + records.size() + " records (key = URL#HDU, value = cards as JSON)");
        String previous = null;
        int shownOfObject = 0;
        for (ConsumerRecord<String, String> r : records) {
            String object = ObjectPartitioner.objectOf(r.key());
            shownOfObject = object.equals(previous) ? shownOfObject + 1 : 0;
            previous = object;
            if (shownOfObject < SHOWN) {
                out.printf("        p%d@%-3d %s  %s%n", r.partition(), r.offset(), r.key(), abbreviate(r.value(), 72));
            } else if (shownOfObject == SHOWN) {
                out.println("        ...");
            }
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
