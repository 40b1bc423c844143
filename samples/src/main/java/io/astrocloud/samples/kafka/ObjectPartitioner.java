package io.astrocloud.samples.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions header records by object: the key {@code URL#HDU-index} is hashed without its
 * {@code #index}, so all HDUs of one object land on one partition and stay in HDU order, while
 * different objects spread over the partitions. Kafka's default partitioner hashes the whole key
 * and would scatter one object's HDUs. The hash is Kafka's own (murmur2, as its default
 * partitioner uses).
 */
public final class ObjectPartitioner implements Partitioner {
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        byte[] object = objectOf(String.valueOf(key)).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(object)) % partitions;
    }

    /** The object's URL: the key without its last {@code #index}. */
    static String objectOf(String key) {
        int hash = key.lastIndexOf('#');
        return hash < 0 ? key : key.substring(0, hash);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
