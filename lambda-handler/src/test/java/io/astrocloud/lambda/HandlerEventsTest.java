package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.astrocloud.index.CfnTemplate;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.IndexedHdu;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.ObjectVersion;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.lambda.LocalContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handlers invoked with the event files under samples/events/, deserialized by
 * aws-lambda-java-tests as the Lambda runtime does, against S3Proxy and DynamoDB Local. The
 * Lambda runtime itself cannot run here: the test kit's {@link LocalContext} stands in for its Context.
 */
class HandlerEventsTest {
    static final String KEY = "surveys/field 7/small+mef.fits";
    static final String URL = "s3://" + IndexFixture.BUCKET + "/" + KEY;
    static final String NOTES_URL = "s3://" + IndexFixture.BUCKET + "/uploads/notes.fits";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private IndexFixture f;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final LocalContext context = new LocalContext("astrocloud-index", Duration.ofMinutes(2), log::add);

    /** The objects the sample events describe (same keys, sizes and ETags), in a fresh table. */
    @BeforeEach
    void uploadTheSampleObjects() {
        f = IndexFixture.withTable("handler-events-" + TABLES.incrementAndGet());
        byte[] fits = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2));
        assertThat(ObjectVersion.bareEtag(f.put(KEY, fits).eTag())).as("ETag in samples/events/s3-put.json")
                .isEqualTo("913b33ea40861323cbf0eaf2e40d180d");
        f.put("uploads/notes.fits", "This is not a FITS file, just text that someone named .fits by mistake.\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    static String sample(String name) {
        return CfnTemplate.repositoryRoot().resolve("samples/events").resolve(name).toString();
    }

    @Test
    void s3PutEventIndexesTheFileUnderItsDecodedKey() {
        S3Event event = EventLoader.loadS3Event(sample("s3-put.json"));
        assertThat(new S3EventHandler(f.indexer).handleRequest(event, context)).isEqualTo("1 event(s) applied");
        assertThat(f.hdus(URL)).extracting(IndexedHdu::type).containsExactly("PRIMARY", "IMAGE", "IMAGE");
        assertThat(f.fileItem(URL).get("s3Key").s()).isEqualTo(KEY);
        assertThat(f.fileItem(URL).get("seq").s()).startsWith("0065A1B2C3D4E5F601000");
        assertThat(log).containsExactly("INDEXED " + URL + " (3 HDUs): 1 requests, 14400 bytes read");
    }

    @Test
    void s3DeleteEventRemovesTheFileAndKeepsLateCopiesOfThePutOut() {
        S3EventHandler handler = new S3EventHandler(f.indexer);
        handler.handleRequest(EventLoader.loadS3Event(sample("s3-put.json")), context);
        handler.handleRequest(EventLoader.loadS3Event(sample("s3-delete.json")), context);
        assertThat(f.items(URL)).singleElement().satisfies(i -> assertThat(i.get("fileStatus").s()).isEqualTo("DELETED"));
        // The delete's sequencer is shorter; right-padded it is the later one. A late duplicate of
        // the put, by S3 notification or by EventBridge, changes nothing.
        handler.handleRequest(EventLoader.loadS3Event(sample("s3-put.json")), context);
        new EventBridgeHandler(f.indexer).handleRequest(
                EventLoader.loadScheduledEvent(sample("eventbridge-object-created.json")), context);
        assertThat(f.items(URL)).hasSize(1);
        assertThat(log).hasSize(4).element(1).asString().startsWith("REMOVED " + URL);
        assertThat(log.subList(2, 4)).allSatisfy(l -> assertThat(l).startsWith("UNCHANGED " + URL));
    }

    @Test
    void sqsMessagesCarryingS3EventsAreIndexedAndTheTestEventIgnored() {
        SQSEvent event = EventLoader.loadSQSEvent(sample("sqs-s3-events.json"));
        SQSBatchResponse response = new SqsEventHandler(f.indexer).handleRequest(event, context);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(f.fileItem(URL).get("fileStatus").s()).isEqualTo("INDEXED");
        assertThat(f.fileItem(NOTES_URL).get("fileStatus").s()).isEqualTo("INVALID");
        assertThat(f.fileItem(NOTES_URL).get("invalidReason").s()).contains("not a FITS file");
    }

    @Test
    void sqsReportsOnlyTheMessagesThatFailedAndTheirRedeliverySucceeds() {
        SQSEvent event = EventLoader.loadSQSEvent(sample("sqs-s3-events.json"));
        SqsEventHandler handler = new SqsEventHandler(f.indexer);
        // The first message's object answers S3 500 to all three attempts the source tier makes;
        // the other messages go through.
        f.s3Faults.failNext("GetObject", 3, io.astrocloud.testkit.aws.SdkFaults.Fault.s3InternalError());
        SQSBatchResponse first = handler.handleRequest(event, context);
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(f.items(URL)).isEmpty();
        assertThat(f.fileItem(NOTES_URL).get("fileStatus").s()).isEqualTo("INVALID");

        SQSEvent redelivery = new SQSEvent();
        redelivery.setRecords(event.getRecords().stream()
                .filter(m -> m.getMessageId().equals("2e1424d4-f796-459a-8184-9c92662be6da")).toList());
        assertThat(handler.handleRequest(redelivery, context).getBatchItemFailures()).isEmpty();
        assertThat(f.fileItem(URL).get("hduCount").n()).isEqualTo("3");
    }

    @Test
    void batchOperationsTasksGetResultCodes() {
        S3BatchEventV2 event = EventLoader.loadS3BatchEventV2(sample("batch-operations-v2.json"));
        S3BatchResponse response = new BatchOperationsHandler(f.indexer).handleRequest(event, context);
        assertThat(response.getInvocationId()).isEqualTo(event.getInvocationId());
        assertThat(response.getInvocationSchemaVersion()).isEqualTo("2.0");
        assertThat(response.getTreatMissingKeysAs()).isEqualTo(S3BatchResponse.ResultCode.PermanentFailure);
        List<S3BatchResponse.Result> results = response.getResults();
        assertThat(results).extracting(S3BatchResponse.Result::getTaskId)
                .containsExactly("dGFza2lkZ29lc2hlcmUK", "dGFza2lkMnNlY29uZAo", "dGFza2lkM3RoaXJkCg");
        assertThat(results).extracting(S3BatchResponse.Result::getResultCode).containsOnly(S3BatchResponse.ResultCode.Succeeded);
        assertThat(results.get(0).getResultString()).startsWith("INDEXED " + URL + " (3 HDUs)");
        assertThat(results.get(1).getResultString()).startsWith("INVALID " + NOTES_URL);
        assertThat(results.get(2).getResultString()).startsWith("UNCHANGED s3://fits-archive/surveys/gone.fits")
                .contains("the object is gone");
        // Backfills carry no sequencer, so the first S3 event for the key replaces the backfill.
        assertThat(f.fileItem(URL).get("seq").s()).isEmpty();
        new S3EventHandler(f.indexer).handleRequest(EventLoader.loadS3Event(sample("s3-put.json")), context);
        assertThat(f.fileItem(URL).get("seq").s()).startsWith("0065A1B2C3D4E5F601");
        // ... and a later backfill does not replace what the event indexed.
        S3BatchResponse again = new BatchOperationsHandler(f.indexer).handleRequest(event, context);
        assertThat(again.getResults().get(0).getResultString()).contains("a backfill does not replace that");
    }

    @Test
    void batchOperationsReportTemporaryAndPermanentFailures() {
        S3BatchEventV2 event = EventLoader.loadS3BatchEventV2(sample("batch-operations-v2.json"));
        f.s3Faults.failEvery("GetObject", 1, io.astrocloud.testkit.aws.SdkFaults.Fault.s3SlowDown());
        S3BatchResponse slowDown = new BatchOperationsHandler(f.indexer).handleRequest(event, context);
        assertThat(slowDown.getResults()).extracting(S3BatchResponse.Result::getResultCode)
                .containsOnly(S3BatchResponse.ResultCode.TemporaryFailure);
        assertThat(slowDown.getResults().get(0).getResultString()).contains("SlowDown").contains(URL);
        f.s3Faults.clear();

        Indexer noTable = Indexer.create(f.s3Client, f.dynamoClient, "no-such-table",
                io.astrocloud.source.RetryPolicy.NONE);
        S3BatchResponse misconfigured = new BatchOperationsHandler(noTable).handleRequest(event, context);
        assertThat(misconfigured.getResults()).extracting(S3BatchResponse.Result::getResultCode)
                .containsOnly(S3BatchResponse.ResultCode.PermanentFailure);
        assertThat(misconfigured.getResults().get(0).getResultString()).contains("no-such-table");
    }

    @Test
    void eventBridgeCreatedAndDeletedEvents() {
        EventBridgeHandler handler = new EventBridgeHandler(f.indexer);
        ScheduledEvent created = EventLoader.loadScheduledEvent(sample("eventbridge-object-created.json"));
        assertThat(handler.handleRequest(created, context)).startsWith("INDEXED " + URL + " (3 HDUs)");
        ScheduledEvent deleted = EventLoader.loadScheduledEvent(sample("eventbridge-object-deleted.json"));
        assertThat(handler.handleRequest(deleted, context)).startsWith("REMOVED " + URL);
        assertThat(f.fileItem(URL).get("fileStatus").s()).isEqualTo("DELETED");
    }

    @Test
    void asyncHandlersThrowSoThatLambdaRetriesAndThenDeadLetters() {
        f.s3Faults.failEvery("GetObject", 1, io.astrocloud.testkit.aws.SdkFaults.Fault.s3InternalError());
        assertThatThrownBy(() -> new S3EventHandler(f.indexer).handleRequest(
                EventLoader.loadS3Event(sample("s3-put.json")), context))
                .isInstanceOf(FailedEventsException.class).hasMessageContaining("1 event(s) failed")
                .hasMessageContaining(URL).hasMessageContaining("InternalError");
        assertThatThrownBy(() -> new EventBridgeHandler(f.indexer).handleRequest(
                EventLoader.loadScheduledEvent(sample("eventbridge-object-created.json")), context))
                .isInstanceOf(FailedEventsException.class);
        assertThat(f.items(URL)).isEmpty();
        assertThat(log).allSatisfy(l -> assertThat(l).startsWith("FAILED ")
                .doesNotContain(IndexFixture.s3().secretKey()).doesNotContain(IndexFixture.dynamo().secretKey()));
    }
}
