package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.Corpus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batches that DynamoDB leaves partly unprocessed, as it does under throttling: the items it left
 * are sent again until written, and when they never are, the event fails as throttled (retryable)
 * and its redelivery writes them. DynamoDB Local processes every batch whole, so an interceptor
 * holds back part of a batch from DynamoDB Local and reports it unprocessed, as DynamoDB would.
 */
class BatchWriteTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("batch-writes");
    }

    /**
     * Keeps the second half of the first {@code batches} BatchWriteItem requests from DynamoDB (all of
     * each when {@code everything}: a delete of a key no object has goes in their place, a batch being
     * never empty), and reports what it kept as unprocessed.
     */
    private static final class HoldsBack implements ExecutionInterceptor {
        private static final ExecutionAttribute<List<WriteRequest>> HELD = new ExecutionAttribute<>("held-back");
        private static final WriteRequest NOTHING = WriteRequest.builder().deleteRequest(d -> d.key(
                IndexTable.key("s3://held_back/nothing", "FILE"))).build();
        private final AtomicInteger batches;
        private final boolean everything;
        final AtomicInteger calls = new AtomicInteger();

        HoldsBack(int batches, boolean everything) {
            this.batches = new AtomicInteger(batches);
            this.everything = everything;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest)) {
                return context.request();
            }
            calls.incrementAndGet();
            BatchWriteItemRequest r = (BatchWriteItemRequest) context.request();
            String table = r.requestItems().keySet().iterator().next();
            List<WriteRequest> all = r.requestItems().get(table);
            if (batches.getAndDecrement() <= 0 || (!everything && all.size() < 2)) {
                return r;
            }
            int kept = everything ? 0 : all.size() / 2;
            attributes.putAttribute(HELD, new ArrayList<>(all.subList(kept, all.size())));
            return r.toBuilder().requestItems(Map.of(table, kept == 0 ? List.of(NOTHING) : all.subList(0, kept))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            List<WriteRequest> held = attributes.getAttribute(HELD);
            if (held == null) {
                return context.response();
            }
            return ((BatchWriteItemResponse) context.response()).toBuilder()
                    .unprocessedItems(Map.of(f.table, held)).build();
        }
    }

    private static DynamoDbClient client(ExecutionInterceptor interceptor) {
        DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interceptor).build()).build();
    }

    private static Map<String, AttributeValue> item(String url, int n) {
        return Map.of(IndexSchema.PK, AttributeValue.fromS(url), IndexSchema.SK,
                AttributeValue.fromS(IndexSchema.hduItemKey("0123456789abcdef", n)),
                IndexSchema.VERSION, AttributeValue.fromS("0123456789abcdef"),
                IndexSchema.ITEM_TYPE, AttributeValue.fromS("HDU"));
    }

    @Test
    void itemsLeftUnprocessedAreSentAgainUntilWritten() {
        HoldsBack throttled = new HoldsBack(4, false);
        IndexTable table = new IndexTable(client(throttled), f.table);
        String url = "s3://" + IndexFixture.BUCKET + "/batches/thirty.fits";
        List<Map<String, AttributeValue>> puts = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            puts.add(item(url, n));
        }
        table.write(url, puts, List.of());
        assertThat(f.items(url)).hasSize(30);
        // 25 + 5 items; the first four calls processed half of what they were sent.
        assertThat(throttled.calls.get()).isGreaterThan(2);
        List<String> keys = f.items(url).stream().map(i -> i.get(IndexSchema.SK).s()).toList();
        table.write(url, List.of(), keys);
        assertThat(f.items(url)).isEmpty();
    }

    @Test
    void itemsNeverProcessedFailTheEventAsThrottlingAndItsRedeliveryWritesThem() throws Exception {
        Indexer throttled = Indexer.create(f.s3Client, client(new HoldsBack(Integer.MAX_VALUE, true)), f.table,
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        // Two HDU items (an image and a light curve), never processed.
        ObjectEvent e = f.upload("batches/never.fits", Files.readAllBytes(Corpus.file("astropy_checksum.fits")));
        assertThatThrownBy(() -> throttled.apply(e)).isInstanceOf(IndexingException.class)
                .satisfies(x -> assertThat(((IndexingException) x).retryable()).isTrue())
                .hasCauseInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageContaining("left unprocessed after " + IndexTable.BATCH_ROUNDS + " rounds");

        IndexOutcome redelivered = f.indexer.apply(e);
        assertThat(redelivered.detail()).startsWith("duplicate").contains("0 index items removed, 2 written");
        IndexedObject committed = f.reader().object(e.objectUrl()).orElseThrow();
        assertThat(f.items(e.objectUrl())).extracting(i -> i.get(IndexSchema.VERSION).s())
                .containsOnly(committed.version()).hasSize(3);
        assertThat(f.reader().byTarget("NGC 1316")).extracting(HduMatch::url).containsExactly(e.objectUrl());
        assertThat(f.reader().byTarget("GRS 1915+105")).extracting(HduMatch::url).containsExactly(e.objectUrl());
    }
}
