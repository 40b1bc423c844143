package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.S3Notifications;
import io.astrocloud.index.Sequencer;
import io.astrocloud.json.FitsJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading event sources into ObjectEvents: event types, envelopes, decoded keys. */
class S3NotificationsTest {
    @Test
    void eventTypesMapToChanges() {
        assertThat(S3Notifications.change("ObjectCreated:CompleteMultipartUpload")).isEqualTo(ObjectEvent.Change.CREATED);
        assertThat(S3Notifications.change("s3:ObjectCreated:Copy")).isEqualTo(ObjectEvent.Change.CREATED);
        assertThat(S3Notifications.change("ObjectRemoved:Delete")).isEqualTo(ObjectEvent.Change.REMOVED);
        assertThat(S3Notifications.change("LifecycleExpiration:Delete")).isEqualTo(ObjectEvent.Change.REMOVED);
        assertThat(S3Notifications.change("ObjectRemoved:DeleteMarkerCreated"))
                .isEqualTo(ObjectEvent.Change.DELETE_MARKER_CREATED);
        assertThat(S3Notifications.change("ObjectRestore:Completed")).isNull();
        assertThat(S3Notifications.change("ObjectTagging:Put")).isNull();
    }

    @Test
    void readsTheSqsSampleBodies() {
        SQSEvent event = EventLoader.loadSQSEvent(HandlerEventsTest.sample("sqs-s3-events.json"));
        List<ObjectEvent> first = S3Notifications.parse(event.getRecords().get(0).getBody());
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(ObjectEvent.Change.CREATED);
            assertThat(e.key()).isEqualTo(HandlerEventsTest.KEY);
            assertThat(e.size()).isEqualTo(14400);
            assertThat(e.etag()).isEqualTo("913b33ea40861323cbf0eaf2e40d180d");
            assertThat(e.sequencer()).isEqualTo(Sequencer.of("0065A1B2C3D4E5F601"));
            assertThat(e.versionId()).isNull();
        });
        assertThat(S3Notifications.parse(event.getRecords().get(2).getBody())).as("s3:TestEvent").isEmpty();
    }

    @Test
    void unwrapsAnSnsEnvelope() {
        SQSEvent event = EventLoader.loadSQSEvent(HandlerEventsTest.sample("sqs-s3-events.json"));
        var envelope = FitsJson.MAPPER.createObjectNode().put("Type", "Notification")
                .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:fits-uploads")
                .put("Message", event.getRecords().get(1).getBody());
        assertThat(S3Notifications.parse(FitsJson.text(envelope))).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("uploads/notes.fits"));
    }

    @Test
    void refusesWhatIsNotAnS3Notification() {
        assertThatThrownBy(() -> S3Notifications.parse("{\"hello\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Records");
        assertThatThrownBy(() -> S3Notifications.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventBridgeDeletionTypesMapToChanges() {
        ScheduledEvent deleted = EventLoader.loadScheduledEvent(HandlerEventsTest.sample("eventbridge-object-deleted.json"));
        assertThat(EventBridgeHandler.toObjectEvent(deleted).change()).isEqualTo(ObjectEvent.Change.REMOVED);
        deleted.getDetail().put("deletion-type", "Delete Marker Created");
        ObjectEvent marker = EventBridgeHandler.toObjectEvent(deleted);
        assertThat(marker.change()).isEqualTo(ObjectEvent.Change.DELETE_MARKER_CREATED);
        assertThat(marker.key()).isEqualTo(HandlerEventsTest.KEY);
        ScheduledEvent other = EventLoader.loadScheduledEvent(HandlerEventsTest.sample("eventbridge-object-created.json"));
        other.setDetailType("Object Restore Completed");
        ((Map<?, ?>) other.getDetail().get("object")).remove("sequencer");
        assertThat(EventBridgeHandler.toObjectEvent(other)).isNull();
        assertThat(((Map<?, ?>) other.getDetail().get("object")).get("size")).isEqualTo(14400);
    }
}
