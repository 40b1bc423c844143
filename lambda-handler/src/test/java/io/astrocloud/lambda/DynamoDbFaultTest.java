package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.astrocloud.index.HduItems;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.IndexedObject;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.json.FitsJson;
import io.astrocloud.testkit.aws.SdkFaults;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.lambda.LocalContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB throttling and S3 5xx injected into the clients (SDK ExecutionInterceptors replace
 * answers with ProvisionedThroughputExceededException or InternalError): the SDK's and the source
 * tier's retries absorb a steady rate; past them, SQS gets exactly the failed messages back and
 * Batch Operations TemporaryFailure, and redelivering them indexes everything: every event ends
 * indexed, INVALID or reported, none lost.
 */
class DynamoDbFaultTest {
    private static final int FILES = 12;
    private static IndexFixture f;
    private static final List<ObjectEvent> EVENTS = new ArrayList<>();

    @BeforeAll
    static void upload() {
        f = IndexFixture.withTable("dynamodb-faults");
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = i % 4 == 3 ? ("not FITS #" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                    : SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(100 + i, 1 + i % 3));
            EVENTS.add(f.upload("faults/file-" + i + ".fits", bytes));
        }
    }

    /** One SQS message per event, with the S3 notification as S3 would write it. */
    private static SQSEvent messages(List<ObjectEvent> events) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (ObjectEvent e : events) {
            var record = FitsJson.MAPPER.createObjectNode();
            record.put("eventName", "ObjectCreated:Put");
            var s3 = record.putObject("s3");
            s3.putObject("bucket").put("name", e.bucket());
            var object = s3.putObject("object");
            object.put("key", java.net.URLEncoder.encode(e.key(), java.nio.charset.StandardCharsets.UTF_8));
            object.put("size", e.size());
            object.put("eTag", e.etag());
            object.put("sequencer", e.sequencer().toString());
            var doc = FitsJson.MAPPER.createObjectNode();
            doc.putArray("Records").add(record);
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("msg-" + e.key());
            m.setBody(FitsJson.text(doc));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static Set<String> recorded() {
        return EVENTS.stream().filter(e -> !f.fileItem(e.objectUrl()).isEmpty()).map(ObjectEvent::key)
                .collect(Collectors.toSet());
    }

    @Test
    void throttlingPastTheRetriesFailsOnlyThoseMessagesAndRedeliveryLosesNothing() {
        SqsEventHandler handler = new SqsEventHandler(f.indexer);
        List<String> log = new CopyOnWriteArrayList<>();
        LocalContext context = new LocalContext("astrocloud-index", Duration.ofMinutes(2), log::add);
        SQSEvent batch = messages(EVENTS);

        // Steady throttling, one PutItem in three: the SDK's retries absorb it.
        f.dynamoFaults.failEvery("PutItem", 3, SdkFaults.Fault.dynamoDbThrottling());
        SQSBatchResponse steady = handler.handleRequest(messages(EVENTS.subList(0, 4)), context);
        assertThat(steady.getBatchItemFailures()).isEmpty();
        assertThat(f.dynamoFaults.injected("PutItem")).isGreaterThan(0);
        f.dynamoFaults.clear();

        // A burst longer than the SDK's four attempts: the messages it hits fail, the rest pass.
        f.dynamoFaults.failNext("PutItem", 10, SdkFaults.Fault.dynamoDbThrottling());
        SQSBatchResponse burst = handler.handleRequest(batch, context);
        List<String> failed = burst.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        assertThat(failed).isNotEmpty().hasSizeLessThan(FILES);
        assertThat(log).filteredOn(l -> l.startsWith("FAILED")).hasSize(failed.size())
                .allSatisfy(l -> assertThat(l).contains("ProvisionedThroughputExceeded"));
        int outcomes = (int) log.stream().filter(l -> !l.startsWith("FAILED")).count();
        assertThat(outcomes - 4 + failed.size()).as("every message indexed, INVALID, unchanged or failed")
                .isEqualTo(FILES);

        // SQS redelivers the failed messages alone.
        SQSEvent redelivery = new SQSEvent();
        redelivery.setRecords(batch.getRecords().stream().filter(m -> failed.contains(m.getMessageId())).toList());
        assertThat(handler.handleRequest(redelivery, context).getBatchItemFailures()).isEmpty();
        assertThat(recorded()).hasSize(FILES);
        for (ObjectEvent e : EVENTS) {
            String status = f.fileItem(e.objectUrl()).get("fileStatus").s();
            assertThat(status).isEqualTo(e.size() < 100 ? "INVALID" : "INDEXED");
            if (status.equals("INDEXED")) {
                // The whole version, its HDU items included, even where a delivery failed after its commit.
                IndexedObject indexed = f.reader().object(e.objectUrl()).orElseThrow();
                assertThat(indexed.hdus()).hasSize(Integer.parseInt(f.fileItem(e.objectUrl()).get("hduCount").n()));
                assertThat(f.hduItems(e.objectUrl())).hasSameSizeAs(HduItems.of(indexed));
            }
        }
    }

    @Test
    void s3ErrorsAndThrottlingTogetherLoseNoEvent() {
        // Both stores misbehave at once, intermittently: S3 answers every other GetObject with a 500 and
        // DynamoDB throttles every other PutItem. Deliveries repeat until SQS has nothing left to
        // redeliver; every message must end indexed or INVALID, and be counted once.
        f.s3Faults.failEvery("GetObject", 2, SdkFaults.Fault.s3InternalError());
        f.dynamoFaults.failEvery("PutItem", 2, SdkFaults.Fault.dynamoDbThrottling());
        f.dynamoFaults.failNext("PutItem", 6, SdkFaults.Fault.dynamoDbThrottling());
        SqsEventHandler handler = new SqsEventHandler(f.indexer);
        List<String> lines = new ArrayList<>();
        LocalContext context = new LocalContext("astrocloud-index", Duration.ofMinutes(2), lines::add);
        // A fresh object version per event, so every message must be written again, not found moot.
        List<ObjectEvent> events = new ArrayList<>();
        for (ObjectEvent e : EVENTS) {
            events.add(f.upload("mixed/" + e.key(), e.size() < 100 ? ("not FITS " + e.key()).getBytes()
                    : SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(e.key().hashCode() & 0xff, 2))));
        }
        SQSEvent pending = messages(events);
        int deliveries = 0;
        int failedDeliveries = 0;
        while (!pending.getRecords().isEmpty() && deliveries < 10) {
            deliveries++;
            List<String> failed = handler.handleRequest(pending, context).getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
            failedDeliveries += failed.size();
            SQSEvent next = new SQSEvent();
            next.setRecords(pending.getRecords().stream().filter(m -> failed.contains(m.getMessageId())).toList());
            pending = next;
        }
        f.s3Faults.clear();
        f.dynamoFaults.clear();
        assertThat(pending.getRecords()).as("nothing left to redeliver after " + deliveries + " deliveries").isEmpty();
        assertThat(deliveries).as("faults did hit some messages").isGreaterThan(1);
        assertThat(f.s3Faults.injected("GetObject")).isPositive();
        long indexed = 0;
        long invalid = 0;
        for (ObjectEvent e : events) {
            String status = f.fileItem(e.objectUrl()).get("fileStatus").s();
            if (status.equals("INDEXED")) {
                indexed++;
                assertThat(f.hdus(e.objectUrl())).hasSize(3);
                assertThat(f.hduItems(e.objectUrl())).hasSize(1);
            } else {
                assertThat(status).as(e.objectUrl()).isEqualTo("INVALID");
                invalid++;
            }
        }
        assertThat(indexed + invalid).isEqualTo(FILES);
        assertThat(invalid).isEqualTo(FILES / 4);
        // Each delivery of each message left one line: an outcome, or FAILED (then redelivered).
        long failedLines = lines.stream().filter(l -> l.startsWith("FAILED")).count();
        assertThat(failedLines).isEqualTo(failedDeliveries);
        assertThat(lines).hasSize(FILES + failedDeliveries);
    }

    @Test
    void throttlingGivesBatchOperationsTemporaryFailure() {
        S3BatchEventV2 event = S3BatchEventV2.builder().withInvocationSchemaVersion("2.0").withInvocationId("inv-1")
                .withJob(S3BatchEventV2.Job.builder().withId("job-1").build())
                .withTasks(List.of(S3BatchEventV2.Task.builder().withTaskId("t1").withS3Bucket(IndexFixture.BUCKET)
                        .withS3Key("faults/backfill%201.fits").build())).build();
        f.put("faults/backfill 1.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(200, 1)));
        f.dynamoFaults.failNext("GetItem", 4, SdkFaults.Fault.dynamoDbThrottling());
        LocalContext quiet = new LocalContext("astrocloud-index", Duration.ofMinutes(2), line -> { });
        S3BatchResponse r = new BatchOperationsHandler(f.indexer).handleRequest(event, quiet);
        assertThat(r.getResults()).singleElement().satisfies(t -> {
            assertThat(t.getResultCode()).isEqualTo(S3BatchResponse.ResultCode.TemporaryFailure);
            assertThat(t.getResultString()).contains("ProvisionedThroughputExceeded").contains("dynamodb-faults");
        });
        f.dynamoFaults.failNext("PutItem", 1, SdkFaults.Fault.dynamoDbInternalError());
        S3BatchResponse retried = new BatchOperationsHandler(f.indexer).handleRequest(event, quiet);
        assertThat(retried.getResults().get(0).getResultCode()).isEqualTo(S3BatchResponse.ResultCode.Succeeded);
        assertThat(f.dynamoFaults.injected("PutItem")).isGreaterThanOrEqualTo(1);
        assertThat(f.hdus("s3://" + IndexFixture.BUCKET + "/faults/backfill 1.fits")).hasSize(2);
    }
}
