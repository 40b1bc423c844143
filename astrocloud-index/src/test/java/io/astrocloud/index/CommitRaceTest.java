package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The three races of S3's at-least-once, unordered delivery, each forced request by request
 * ({@link Choreography}) against DynamoDB Local: overlapping creations, a removal retried after a
 * failure, a creation failing after a newer removal. After every event has been delivered (and
 * redelivered when it failed), the index holds exactly the newest version and no read path
 * returns anything of an older one.
 *
 * <p>Disabled: all three fail on the per-HDU commit (one conditional PutItem per HDU item, the file
 * item last); enabled with the one-commit-point design.
 */
@Disabled("fails on the per-HDU commit: ghost HDU#0003, HDU items left by a retried removal and by a late creation")
class CommitRaceTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("commit-races");
    }

    private static Indexer indexer(Choreography choreography) {
        return Indexer.create(f.s3Client, choreography.client(), f.table, new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
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

    private static Predicate<SdkRequest> putOf(String sortKey) {
        return r -> r instanceof PutItemRequest && ((PutItemRequest) r).item().get("sk").s().equals(sortKey);
    }

    private static byte[] fits(int sequence, int extensions) {
        return SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(sequence, extensions));
    }

    /** Objects named OBJECT = {@code name} through the object index. */
    private static List<Map<String, AttributeValue>> byObject(String name) {
        return f.dynamoClient.query(q -> q.tableName(f.table).indexName(IndexSchema.BY_OBJECT)
                .keyConditionExpression("objectName = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(name)))).items();
    }

    @Test
    void overlappingCreationsBothIndexedLeaveNoHduOfTheOlderVersion() throws Exception {
        String key = "races/overlap.fits";
        ObjectEvent older = f.upload(key, fits(41, 3));
        // The older event (4 HDUs) has read its headers and stops before writing its last HDU.
        Choreography a = Choreography.pauseAt(putOf("HDU#0003"), 1);
        CompletableFuture<IndexOutcome> first = start(indexer(a), older);
        assertThat(a.awaitArrival(first)).isTrue();
        // The newer upload (3 HDUs) is indexed up to its commit, then the older one finishes, then the newer.
        ObjectEvent newer = f.upload(key, fits(42, 2));
        Choreography b = Choreography.pauseAt(putOf("FILE"), 1);
        CompletableFuture<IndexOutcome> second = start(indexer(b), newer);
        assertThat(b.awaitArrival(second)).isTrue();
        a.release();
        IndexOutcome olderOutcome = first.get();
        b.release();
        IndexOutcome newerOutcome = second.get();

        assertThat(newerOutcome.result()).isEqualTo(IndexOutcome.Result.INDEXED);
        assertThat(olderOutcome.result()).isIn(IndexOutcome.Result.INDEXED, IndexOutcome.Result.UNCHANGED);
        assertThat(f.fileItem(newer.objectUrl()).get("hduCount").n()).isEqualTo("3");
        assertThat(f.hduItems(newer.objectUrl())).as("HDU items under the newer file item")
                .allSatisfy(i -> assertThat(i.get("etag").s()).isEqualTo(newer.etag())).hasSize(3);
        assertThat(byObject("FIELD-41")).as("the older version through the object index").isEmpty();
    }

    @Test
    void aRemovalRetriedAfterAFailedCleanupFinishesIt() throws Exception {
        String key = "races/removed.fits";
        ObjectEvent created = f.upload(key, fits(43, 2));
        assertThat(f.indexer.apply(created).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        ObjectEvent removal = ObjectEvent.removed(ObjectEvent.Change.REMOVED, IndexFixture.BUCKET, key, null,
                Sequencer.of(IndexFixture.nextSequencer()));
        // The cleanup's second delete is throttled past the retries: the event fails and is redelivered.
        Choreography throttled = Choreography.failAt(r -> r instanceof DeleteItemRequest, 2);
        assertThat(start(indexer(throttled), removal)).failsWithin(Duration.ofSeconds(30));
        indexer(Choreography.none()).apply(removal);

        assertThat(f.fileItem(created.objectUrl()).get("fileStatus").s()).isEqualTo("DELETED");
        assertThat(f.items(created.objectUrl())).as("items under the tombstone").hasSize(1);
        assertThat(byObject("FIELD-43")).isEmpty();
    }

    @Test
    void aCreationFailingAfterANewerRemovalLeavesNothingUnderTheTombstone() throws Exception {
        String key = "races/late-creation.fits";
        ObjectEvent created = f.upload(key, fits(44, 2));
        // The creation has read its headers and stops before its first write; the newer removal runs whole.
        Choreography a = Choreography.pauseAt(r -> r instanceof PutItemRequest, 1);
        Choreography failing = Choreography.failAt(putOf("FILE"), 1);
        Indexer creation = Indexer.create(f.s3Client, both(a, failing), f.table,
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        CompletableFuture<IndexOutcome> first = start(creation, created);
        assertThat(a.awaitArrival(first)).isTrue();
        ObjectEvent removal = ObjectEvent.removed(ObjectEvent.Change.DELETE_MARKER_CREATED, IndexFixture.BUCKET, key,
                "marker-1", Sequencer.of(IndexFixture.nextSequencer()));
        assertThat(indexer(Choreography.none()).apply(removal).result()).isEqualTo(IndexOutcome.Result.REMOVED);
        // The creation resumes, and fails at its commit; the event source redelivers it.
        a.release();
        assertThat(first).failsWithin(Duration.ofSeconds(30));
        indexer(Choreography.none()).apply(created);

        assertThat(f.fileItem(created.objectUrl()).get("fileStatus").s()).isEqualTo("DELETED");
        assertThat(f.items(created.objectUrl())).as("items under the tombstone")
                .allSatisfy(i -> assertThat(i).containsKey("expiresAt")).hasSize(1);
        assertThat(byObject("FIELD-44")).isEmpty();
    }

    /** A client with two choreographies. */
    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient both(Choreography first, Choreography second) {
        var builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(first).addExecutionInterceptor(second).build()).build();
    }
}
