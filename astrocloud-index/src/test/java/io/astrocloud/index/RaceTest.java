package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Two events for one key indexed at once: the newer one runs to completion in the middle of the
 * older one's writes (an interceptor on the older indexer's DynamoDB client starts it just
 * before a chosen PutItem). The older one must notice, undo what it wrote, and leave exactly
 * the newer index.
 */
class RaceTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("race");
    }

    /** Runs {@code action} once, just before the PutItem of sort key {@code sortKey}. */
    private static final class Interleave implements ExecutionInterceptor {
        private final String sortKey;
        private final AtomicReference<Runnable> action;

        Interleave(String sortKey, Runnable action) {
            this.sortKey = sortKey;
            this.action = new AtomicReference<>(action);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutItemRequest
                    && ((PutItemRequest) context.request()).item().get("sk").s().equals(sortKey)) {
                Runnable r = action.getAndSet(null);
                if (r != null) {
                    r.run();
                }
            }
        }
    }

    private IndexOutcome raceOlderAgainstNewer(String key, String interruptAt) throws IndexingException {
        ObjectEvent older = f.upload(key, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(41, 5)));
        // The older event has read its headers and is writing when the newer upload and its event
        // come and go: the newer event's indexing runs inside the older one's PutItem.
        ObjectEvent newer = ObjectEvent.created(older.bucket(), key, null, -1, null,
                Sequencer.of(IndexFixture.nextSequencer()));
        Interleave interleave = new Interleave(interruptAt, () -> {
            f.put(key, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(42, 1)));
            try {
                assertThat(f.indexer.apply(newer).hduCount()).isEqualTo(2);
            } catch (IndexingException e) {
                throw new AssertionError(e);
            }
        });
        DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        DynamoDbClient interleaved = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interleave).build()).build();
        Indexer olderIndexer = Indexer.create(f.s3Client, interleaved, f.table,
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        return olderIndexer.apply(older);
    }

    @Test
    void theOlderEventLosesAtItsFirstHduAndWritesNothing() throws IndexingException {
        IndexOutcome outcome = raceOlderAgainstNewer("race/first.fits", "HDU#0000");
        assertThat(outcome.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(outcome.detail()).contains("a newer event already wrote HDU#0000");
        String url = "s3://" + IndexFixture.BUCKET + "/race/first.fits";
        assertThat(f.items(url)).extracting(i -> i.get("sk").s()).containsExactly("FILE", "HDU#0000", "HDU#0001");
        assertNewerIndex(url);
    }

    @Test
    void theOlderEventLosesAtItsFileItemAndUndoesTheHdusOnlyItWrote() throws IndexingException {
        // The older file has six HDUs; the newer, two. The newer one completes while the older is
        // about to write HDU#0004: the older then writes HDU#0004 and HDU#0005, which the newer
        // one never saw, and must delete them itself when its file item is refused.
        IndexOutcome outcome = raceOlderAgainstNewer("race/late.fits", "HDU#0004");
        assertThat(outcome.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(outcome.detail()).isEqualTo("a newer event recorded the file first");
        String url = "s3://" + IndexFixture.BUCKET + "/race/late.fits";
        assertThat(f.items(url)).extracting(i -> i.get("sk").s()).containsExactly("FILE", "HDU#0000", "HDU#0001");
        assertThat(f.fileItem(url).get("hduCount").n()).isEqualTo("2");
        assertNewerIndex(url);
    }

    private static void assertNewerIndex(String url) {
        String etag = f.fileItem(url).get("etag").s();
        assertThat(f.hduItems(url)).hasSize(2).allSatisfy(i -> assertThat(i.get("etag").s()).isEqualTo(etag));
        assertThat(f.hduItems(url).get(0).get("objectName").s()).isEqualTo("FIELD-42");
    }
}
