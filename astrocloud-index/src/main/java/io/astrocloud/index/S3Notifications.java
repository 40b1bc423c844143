package io.astrocloud.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.json.FitsJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads S3 event notification records, wherever they arrive (a Lambda {@code S3Event}, the body
 * of an SQS message, an SNS envelope), into {@link ObjectEvent}s. Keys are URL-decoded as forms
 * ({@code +} is a space). Event types that do not create or remove an object (restore,
 * replication, tagging, ACL, lifecycle transition, the {@code s3:TestEvent} S3 sends when a
 * notification is configured) give no event.
 */
public final class S3Notifications {
    private S3Notifications() {
    }

    /**
     * The event one record stands for, or null when its type neither creates nor removes.
     *
     * @param eventName  {@code ObjectCreated:Put}, {@code s3:ObjectRemoved:Delete}, ...
     * @param encodedKey the key as the record carries it (URL-encoded)
     * @param size       the size, or null
     */
    public static ObjectEvent of(String eventName, String bucket, String encodedKey, Long size, String etag,
                                 String versionId, String sequencer) {
        ObjectEvent.Change change = change(eventName);
        if (change == null) {
            return null;
        }
        String key = KeyEncoding.FORM.decode(encodedKey);
        Sequencer seq = Sequencer.of(sequencer);
        return change == ObjectEvent.Change.CREATED
                ? ObjectEvent.created(bucket, key, versionId, size == null ? -1 : size, etag, seq)
                : ObjectEvent.removed(change, bucket, key, versionId, seq);
    }

    /** What an event type means for the index, or null when nothing. */
    public static ObjectEvent.Change change(String eventName) {
        String name = eventName == null ? "" : eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        if (name.startsWith("ObjectCreated:")) {
            return ObjectEvent.Change.CREATED;
        }
        if (name.equals("ObjectRemoved:DeleteMarkerCreated") || name.equals("LifecycleExpiration:DeleteMarkerCreated")) {
            return ObjectEvent.Change.DELETE_MARKER_CREATED;
        }
        if (name.equals("ObjectRemoved:Delete") || name.equals("LifecycleExpiration:Delete")) {
            return ObjectEvent.Change.REMOVED;
        }
        return null;
    }

    /**
     * The events in a notification document (the JSON S3 sends to SQS or SNS: {@code {"Records": [...]}},
     * possibly inside an SNS envelope's {@code Message}); none for {@code s3:TestEvent}.
     *
     * @throws IllegalArgumentException when the text is not an S3 notification
     */
    public static List<ObjectEvent> parse(String json) {
        JsonNode doc;
        try {
            doc = FitsJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (doc.path("Type").asText().equals("Notification") && doc.has("Message")) {
            return parse(doc.get("Message").asText());
        }
        if (doc.path("Event").asText().equals("s3:TestEvent")) {
            return List.of();
        }
        JsonNode records = doc.get("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("not an S3 event notification (no Records)");
        }
        List<ObjectEvent> events = new ArrayList<>();
        for (JsonNode r : records) {
            JsonNode object = r.path("s3").path("object");
            ObjectEvent e = of(r.path("eventName").asText(), r.path("s3").path("bucket").path("name").asText(),
                    object.path("key").asText(), object.has("size") ? object.get("size").asLong() : null,
                    text(object, "eTag"), text(object, "versionId"), text(object, "sequencer"));
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
