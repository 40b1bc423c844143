package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The three races of S3's at-least-once, unordered delivery, each forced request by request
 * ({@link Choreography}) against S3Proxy and DynamoDB Local: overlapping creations, a removal
 * retried after a failure, a creation failing after a newer removal. On the per-HDU commit the
 * index had before one file item became the commit point, all three left HDU items of a replaced
 * version (a ghost HDU after two INDEXED events; HDU items under a tombstone, for ever). Here, at
 * the worst moment of each, no read path returns anything of the older version, and once every
 * event has been delivered (and redelivered when it failed) the table holds exactly the newest one.
 */
class CommitRaceTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("commit-races");
    }

    private static Indexer indexer(Choreography... choreographies) {
        DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        var override = builder.overrideConfiguration().toBuilder();
        for (Choreography c : choreographies) {
            override.addExecutionInterceptor(c);
        }
        DynamoDbClient client = builder.overrideConfiguration(override.build()).build();
        return Indexer.create(f.s3Client, client, f.table, new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
    }

    private static CompletableFuture<IndexOutcome> start(Indexer indexer, ObjectEvent event) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return indexer.apply(event);
            } catch (IndexingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] fits(int sequence, int extensions) {
        return SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(sequence, extensions));
    }

    private static List<String> versionsInTable(String url) {
        return f.items(url).stream().map(i -> i.get(IndexSchema.VERSION).s()).distinct().toList();
    }

    @Test
    void overlappingCreationsBothIndexedLeaveNoHduOfTheOlderVersion() throws Exception {
        String key = "races/overlap.fits";
        String url = "s3://" + IndexFixture.BUCKET + "/" + key;
        ObjectEvent older = f.upload(key, fits(41, 3));
        // The older event (4 HDUs) commits, then stops before writing its HDU items ...
        Choreography beforeItems = Choreography.pauseAt(r -> r instanceof BatchWriteItemRequest, 1);
        Choreography beforeSettling = Choreography.pauseAt(r -> r instanceof QueryRequest, 1);
        CompletableFuture<IndexOutcome> first = start(indexer(beforeItems, beforeSettling), older);
        assertThat(beforeItems.awaitArrival(first)).isTrue();
        // ... while the newer upload (3 HDUs) is indexed from start to end ...
        ObjectEvent newer = f.upload(key, fits(42, 2));
        assertThat(f.indexer.apply(newer).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        // ... then the older one writes its HDU items under the newer file item.
        beforeItems.release();
        assertThat(beforeSettling.awaitArrival(first)).isTrue();
        String olderVersion = IndexVersion.of(older.sequencer(), IndexSchema.FileStatus.INDEXED, older.etag());
        assertThat(versionsInTable(url)).as("the older version's HDU items are in the table").contains(olderVersion);
        assertNoReadPathReturnsTheOlderVersion(url, newer);

        beforeSettling.release();
        assertThat(first.get().result()).isEqualTo(IndexOutcome.Result.INDEXED);
        assertThat(versionsInTable(url)).containsExactly(f.reader().object(url).orElseThrow().version());
        assertNoReadPathReturnsTheOlderVersion(url, newer);
        assertThat(f.reader().byTarget("FIELD-42")).singleElement()
                .satisfies(m -> assertThat(m.hdus()).containsExactly(1, 2));
    }

    private static void assertNoReadPathReturnsTheOlderVersion(String url, ObjectEvent newer) {
        IndexedObject committed = f.reader().object(url).orElseThrow();
        assertThat(committed.object().etag()).isEqualTo(newer.etag());
        assertThat(committed.hdus()).hasSize(3);
        assertThat(f.reader().byTarget("FIELD-41")).as("the older version by target").isEmpty();
        assertThat(f.reader().byInstrument("CAM2")).as("the older version by instrument")
                .noneMatch(m -> m.url().equals(url));
        assertThat(f.reader().byInstrument("CAM0")).filteredOn(m -> m.url().equals(url)).singleElement()
                .satisfies(m -> assertThat(m.version()).isEqualTo(committed.version()));
    }

    @Test
    void aRemovalRetriedAfterAFailedCleanupFinishesIt() throws Exception {
        String key = "races/removed.fits";
        ObjectEvent created = f.upload(key, fits(43, 2));
        assertThat(f.indexer.apply(created).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        ObjectEvent removal = ObjectEvent.removed(ObjectEvent.Change.REMOVED, IndexFixture.BUCKET, key, null,
                Sequencer.of(IndexFixture.nextSequencer()));
        // The removal commits its tombstone; its cleanup is throttled past the retries: the event fails.
        Choreography throttled = Choreography.failAt(r -> r instanceof BatchWriteItemRequest, 1);
        assertThat(start(indexer(throttled), removal)).failsWithin(Duration.ofSeconds(30));
        assertThat(f.hduItems(created.objectUrl())).as("left by the failed cleanup").isNotEmpty();
        assertThat(f.reader().byTarget("FIELD-43")).as("not returned meanwhile").isEmpty();
        assertThat(f.reader().object(created.objectUrl()).orElseThrow().status()).isEqualTo(IndexSchema.FileStatus.DELETED);

        // The event source redelivers it: the redelivery finishes the cleanup.
        IndexOutcome redelivered = indexer().apply(removal);
        assertThat(redelivered.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(redelivered.detail()).startsWith("duplicate").contains("1 index item removed");
        assertThat(f.items(created.objectUrl())).as("items under the tombstone").singleElement()
                .satisfies(i -> assertThat(i.get(IndexSchema.FILE_STATUS).s()).isEqualTo("DELETED"));
    }

    @Test
    void aCreationFailingAfterANewerRemovalLeavesNothingUnderTheTombstone() throws Exception {
        String key = "races/late-creation.fits";
        ObjectEvent created = f.upload(key, fits(44, 2));
        // The creation commits and stops before its HDU items; the newer removal runs whole.
        Choreography beforeItems = Choreography.pauseAt(r -> r instanceof BatchWriteItemRequest, 1);
        Choreography failing = Choreography.failAt(r -> r instanceof QueryRequest, 1);
        CompletableFuture<IndexOutcome> first = start(indexer(beforeItems, failing), created);
        assertThat(beforeItems.awaitArrival(first)).isTrue();
        ObjectEvent removal = ObjectEvent.removed(ObjectEvent.Change.DELETE_MARKER_CREATED, IndexFixture.BUCKET, key,
                "marker-1", Sequencer.of(IndexFixture.nextSequencer()));
        assertThat(indexer().apply(removal).result()).isEqualTo(IndexOutcome.Result.REMOVED);
        // The creation resumes, writes its HDU items under the tombstone, and fails before settling.
        beforeItems.release();
        assertThat(first).failsWithin(Duration.ofSeconds(30));
        assertThat(f.hduItems(created.objectUrl())).as("left by the failed creation").isNotEmpty();
        assertThat(f.reader().byTarget("FIELD-44")).as("not returned meanwhile").isEmpty();

        // The event source redelivers it: outdated, it changes nothing but the leftovers.
        IndexOutcome redelivered = indexer().apply(created);
        assertThat(redelivered.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(redelivered.detail()).startsWith("a newer event").contains("1 index item removed");
        List<Map<String, AttributeValue>> items = f.items(created.objectUrl());
        assertThat(items).as("items under the tombstone").singleElement()
                .satisfies(i -> assertThat(i).containsKey(IndexSchema.EXPIRES_AT));
    }
}
