package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.S3Notifications;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 event notifications delivered straight to the function (asynchronous invocation). Returns
 * a one-line summary; throws {@link FailedEventsException} when an event failed for a reason
 * outside the file, so that Lambda retries and then sends the event to the on-failure
 * destination.
 */
public class S3EventHandler implements RequestHandler<S3Event, String> {
    private final Indexer indexer;

    /** The deployed handler: the indexer built from the environment. */
    public S3EventHandler() {
        this(IndexerFactory.shared());
    }

    /** A handler over {@code indexer}. */
    public S3EventHandler(Indexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        EventLog log = EventLog.of(context);
        List<String> failures = new ArrayList<>();
        int applied = 0;
        for (S3EventNotificationRecord r : event.getRecords()) {
            S3ObjectEntity o = r.getS3().getObject();
            String what = r.getEventName() + " s3://" + r.getS3().getBucket().getName() + "/" + o.getKey();
            long start = System.nanoTime();
            ObjectEvent e = null;
            try {
                e = S3Notifications.of(r.getEventName(), r.getS3().getBucket().getName(), o.getKey(),
                        o.getSizeAsLong(), o.geteTag(), o.getVersionId(), o.getSequencer());
                if (e != null) {
                    log.outcome(e, indexer.apply(e), System.nanoTime() - start);
                    applied++;
                }
            } catch (IndexingException | RuntimeException ex) {
                log.failure(what, e, ex, System.nanoTime() - start);
                failures.add(what + ": " + ex.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new FailedEventsException(failures);
        }
        return applied + " event(s) applied";
    }
}
