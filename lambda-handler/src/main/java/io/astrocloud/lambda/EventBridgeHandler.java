package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.astrocloud.index.IndexOutcome;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.KeyEncoding;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.Sequencer;
import java.util.List;
import java.util.Map;

/**
 * S3's EventBridge events, "Object Created" and "Object Deleted" (a rule delivers them
 * asynchronously). "Object Deleted" with {@code deletion-type} "Delete Marker Created" places a
 * delete marker, "Permanently Deleted" removes a version. Keys arrive URL-encoded as in S3
 * notifications. Throws {@link FailedEventsException} on a failure outside the file, so that the
 * rule's retry policy and dead-letter queue take over.
 */
public class EventBridgeHandler implements RequestHandler<ScheduledEvent, String> {
    private final Indexer indexer;

    /** The deployed handler: the indexer built from the environment. */
    public EventBridgeHandler() {
        this(IndexerFactory.shared());
    }

    /** A handler over {@code indexer}. */
    public EventBridgeHandler(Indexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        EventLog log = EventLog.of(context);
        ObjectEvent e = toObjectEvent(event);
        if (e == null) {
            return "ignored " + event.getDetailType();
        }
        long start = System.nanoTime();
        try {
            IndexOutcome outcome = indexer.apply(e);
            log.outcome(e, outcome, System.nanoTime() - start);
            return outcome.toString();
        } catch (IndexingException ex) {
            log.failure(e.toString(), e, ex, System.nanoTime() - start);
            throw new FailedEventsException(List.of(e + ": " + ex.getMessage()));
        }
    }

    /** The event an EventBridge S3 event stands for, or null for other detail types. */
    static ObjectEvent toObjectEvent(ScheduledEvent event) {
        boolean created = "Object Created".equals(event.getDetailType());
        if (!created && !"Object Deleted".equals(event.getDetailType())) {
            return null;
        }
        Map<String, Object> detail = event.getDetail();
        String bucket = text(map(detail, "bucket"), "name");
        Map<String, Object> object = map(detail, "object");
        String key = KeyEncoding.FORM.decode(text(object, "key"));
        String versionId = text(object, "version-id");
        Sequencer seq = Sequencer.of(text(object, "sequencer"));
        if (created) {
            Object size = object.get("size");
            return ObjectEvent.created(bucket, key, versionId, size instanceof Number ? ((Number) size).longValue() : -1,
                    text(object, "etag"), seq);
        }
        ObjectEvent.Change change = "Delete Marker Created".equals(text(detail, "deletion-type"))
                ? ObjectEvent.Change.DELETE_MARKER_CREATED : ObjectEvent.Change.REMOVED;
        return ObjectEvent.removed(change, bucket, key, versionId, seq);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String field) {
        Object v = parent == null ? null : parent.get(field);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not an S3 EventBridge event: no detail." + field);
        }
        return (Map<String, Object>) v;
    }

    private static String text(Map<String, Object> parent, String field) {
        Object v = parent.get(field);
        return v == null ? null : v.toString();
    }
}
