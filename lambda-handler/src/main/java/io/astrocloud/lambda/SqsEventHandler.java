package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.S3Notifications;
import java.util.ArrayList;
import java.util.List;

/**
 * SQS messages that carry S3 event notifications (S3 to SQS, or S3 to SNS to SQS). Reports only
 * the messages that failed ({@code ReportBatchItemFailures}), so SQS redelivers those alone and
 * sends a message that keeps failing to the dead-letter queue: one poison file never blocks or
 * re-runs a batch. A message that is not an S3 notification fails the same way.
 */
public class SqsEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Indexer indexer;

    /** The deployed handler: the indexer built from the environment. */
    public SqsEventHandler() {
        this(IndexerFactory.shared());
    }

    /** A handler over {@code indexer}. */
    public SqsEventHandler(Indexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        EventLog log = EventLog.of(context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            long start = System.nanoTime();
            ObjectEvent current = null;
            try {
                for (ObjectEvent e : S3Notifications.parse(message.getBody())) {
                    current = e;
                    log.outcome(e, indexer.apply(e), System.nanoTime() - start);
                    start = System.nanoTime();
                }
            } catch (IndexingException | RuntimeException e) {
                log.failure("SQS message " + message.getMessageId(), current, e, System.nanoTime() - start);
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
