package io.astrocloud.samples.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads header records back from a topic with a plain Kafka consumer: every partition from its
 * beginning, without a consumer group (nothing to join or commit).
 */
public final class HeaderRecords {
    private static final Comparator<TopicPartition> BY_PARTITION = Comparator.comparingInt(TopicPartition::partition);

    private HeaderRecords() {
    }

    /**
     * Every record {@code topic} holds now: each partition from its beginning to its end offset at
     * the time of the call, in offset order, partition after partition.
     */
    public static List<ConsumerRecord<String, String>> readAll(String brokers, String topic, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).sorted(BY_PARTITION).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                while (consumer.position(partition, timeout) < ends.get(partition)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + partition + " to offset " + ends.get(partition)
                                + " within " + timeout.toSeconds() + " s");
                    }
                    long end = ends.get(partition);
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.offset() < end) {
                            records.add(r);
                        }
                    });
                }
            }
        }
        return records;
    }
}
