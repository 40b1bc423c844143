package io.astrocloud.samples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.json.FitsJson;
import io.astrocloud.samples.RouteDsl;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The route from {@code astrocloud:headers} to Kafka, in both DSLs, against a real Apache Kafka
 * broker (KRaft, Kafka's jars run as their own process by {@link KafkaBroker}, or the broker in
 * {@code ASTROCLOUD_TEST_KAFKA_BOOTSTRAP}), reading corpus files over HTTP with Range. The
 * records are read back with a plain Kafka consumer and compared with astropy's golden records.
 */
class HeadersToKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static KafkaBroker broker;
    private static RangeHttpServer http;

    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start();
        http = RangeHttpServer.start().putDirectory("/corpus", Corpus.dir());
    }

    @AfterAll
    static void stop() {
        http.close();
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(RouteDsl.class)
    void sendsOneRecordPerHduInOrderKeyedByUrlAndIndexWithTheHeaderAsJson(RouteDsl dsl) throws Exception {
        String file = "astropy_o4sp040b0_raw.fits";
        String url = http.url("/corpus/" + file);
        String topic = uniqueTopic("stis-" + dsl);
        GoldenCorpus golden = GoldenCorpus.of(file);

        int sent = HeadersToKafka.run(dsl, properties(url, topic), Map.of(), TIMEOUT);

        assertThat(sent).isEqualTo(golden.hdus().size()).isEqualTo(7);
        List<ConsumerRecord<String, String>> records = HeaderRecords.readAll(broker.bootstrapServers(), topic, TIMEOUT);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(IntStream.range(0, 7).mapToObj(i -> url + "#" + i).toList());
        for (int i = 0; i < records.size(); i++) {
            JsonNode cards = FitsJson.MAPPER.readTree(records.get(i).value());
            assertThat(GoldenCorpus.cardDifferences(file + " HDU " + i, cards, golden.hdus().get(i).get("cards")))
                    .isEmpty();
        }
        assertThat(records.get(1).value()).startsWith("[{\"keyword\":\"XTENSION\",\"value\":\"IMAGE\"");
    }

    @Test
    void everyObjectKeepsItsHduOrderOnOnePartitionOfAPartitionedTopic() throws Exception {
        String topic = uniqueTopic("three-partitions");
        createTopic(topic, 3);
        List<String> files = List.of("astropy_o4sp040b0_raw.fits", "fv_rosat.evt", "astropy_chandra_time.fits",
                "astropy_checksum.fits", "sunpy_go1520110607.fits");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String file : files) {
            urls.put(http.url("/corpus/" + file), file);
            HeadersToKafka.run(RouteDsl.JAVA, properties(http.url("/corpus/" + file), topic), Map.of(), TIMEOUT);
        }

        List<ConsumerRecord<String, String>> records = HeaderRecords.readAll(broker.bootstrapServers(), topic, TIMEOUT);
        Map<String, List<ConsumerRecord<String, String>>> byObject = new LinkedHashMap<>();
        records.forEach(r -> byObject.computeIfAbsent(ObjectPartitioner.objectOf(r.key()), k -> new ArrayList<>()).add(r));
        assertThat(byObject).containsOnlyKeys(urls.keySet());
        int total = 0;
        for (Map.Entry<String, List<ConsumerRecord<String, String>>> object : byObject.entrySet()) {
            int hdus = GoldenCorpus.of(urls.get(object.getKey())).hdus().size();
            assertThat(object.getValue()).extracting(ConsumerRecord::key).as(object.getKey())
                    .containsExactlyElementsOf(IntStream.range(0, hdus).mapToObj(i -> object.getKey() + "#" + i).toList());
            assertThat(object.getValue()).extracting(ConsumerRecord::partition).as(object.getKey()).containsOnly(
                    object.getValue().get(0).partition());
            total += hdus;
        }
        assertThat(records).hasSize(total);
    }

    private static Map<String, String> properties(String url, String topic) {
        return Map.of(HeadersToKafka.URL, url, HeadersToKafka.BROKERS, broker.bootstrapServers(),
                HeadersToKafka.TOPIC, topic);
    }

    private static String uniqueTopic(String name) {
        return "fits-headers-" + name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }
}
