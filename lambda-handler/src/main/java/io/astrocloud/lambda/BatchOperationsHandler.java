package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import io.astrocloud.index.IndexOutcome;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.KeyEncoding;
import io.astrocloud.index.ObjectEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 Batch Operations ({@code LambdaInvoke}, invocation schema 2.0): indexes objects that were in
 * the bucket before the function, one task per object, and lets AWS do the fan-out over a manifest
 * of millions. Each task is a backfill (no sequencer: an S3 event for the same key always wins).
 * Result codes: {@code Succeeded} when the object was indexed, recorded INVALID or found
 * already indexed; {@code TemporaryFailure} (S3 Batch Operations retries) for throttling, 5xx and
 * timeouts; {@code PermanentFailure} otherwise. Keys arrive percent-encoded.
 */
public class BatchOperationsHandler implements RequestHandler<S3BatchEventV2, S3BatchResponse> {
    private final Indexer indexer;

    /** The deployed handler: the indexer built from the environment. */
    public BatchOperationsHandler() {
        this(IndexerFactory.shared());
    }

    /** A handler over {@code indexer}. */
    public BatchOperationsHandler(Indexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public S3BatchResponse handleRequest(S3BatchEventV2 event, Context context) {
        EventLog log = EventLog.of(context);
        List<S3BatchResponse.Result> results = new ArrayList<>();
        for (S3BatchEventV2.Task task : event.getTasks()) {
            results.add(run(task, log));
        }
        return S3BatchResponse.builder()
                .withInvocationSchemaVersion(event.getInvocationSchemaVersion())
                .withInvocationId(event.getInvocationId())
                .withTreatMissingKeysAs(S3BatchResponse.ResultCode.PermanentFailure)
                .withResults(results).build();
    }

    private S3BatchResponse.Result run(S3BatchEventV2.Task task, EventLog log) {
        String what = "task " + task.getTaskId() + " s3://" + task.getS3Bucket() + "/" + task.getS3Key();
        S3BatchResponse.ResultCode code;
        String detail;
        long start = System.nanoTime();
        ObjectEvent e = null;
        try {
            e = ObjectEvent.backfill(task.getS3Bucket(), KeyEncoding.PERCENT.decode(task.getS3Key()),
                    task.getS3VersionId());
            IndexOutcome outcome = indexer.apply(e);
            log.outcome(e, outcome, System.nanoTime() - start);
            code = S3BatchResponse.ResultCode.Succeeded;
            detail = outcome.toString();
        } catch (IndexingException ex) {
            log.failure(what, e, ex, System.nanoTime() - start);
            code = ex.retryable() ? S3BatchResponse.ResultCode.TemporaryFailure
                    : S3BatchResponse.ResultCode.PermanentFailure;
            detail = ex.getMessage();
        } catch (RuntimeException ex) {
            log.failure(what, e, ex, System.nanoTime() - start);
            code = S3BatchResponse.ResultCode.PermanentFailure;
            detail = ex.getMessage();
        }
        return S3BatchResponse.Result.builder().withTaskId(task.getTaskId()).withResultCode(code)
                .withResultString(detail).build();
    }
}
