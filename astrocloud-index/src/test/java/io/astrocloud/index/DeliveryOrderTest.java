package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * S3 delivers at least once and in any order: duplicates, stale events, re-uploads with fewer
 * HDUs, removals and delete markers, against S3Proxy and DynamoDB Local.
 */
class DeliveryOrderTest {
    private static IndexFixture f;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("delivery-order");
    }

    private static byte[] fits(int sequence, int extensions) {
        return SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(sequence, extensions));
    }

    private static IndexOutcome apply(ObjectEvent e) throws IndexingException {
        return f.indexer.apply(e);
    }

    private static ObjectEvent removal(ObjectEvent.Change change, String key, String versionId) {
        return ObjectEvent.removed(change, IndexFixture.BUCKET, key, versionId, Sequencer.of(IndexFixture.nextSequencer()));
    }

    @Test
    void aDuplicateChangesNothing() throws IndexingException {
        ObjectEvent e = f.upload("order/duplicate.fits", fits(1, 2));
        assertThat(apply(e).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        List<Map<String, AttributeValue>> before = f.items(e.objectUrl());
        IndexOutcome again = apply(e);
        assertThat(again.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(again.detail()).startsWith("duplicate");
        assertThat(f.items(e.objectUrl())).isEqualTo(before);
    }

    @Test
    void anOlderEventNeverOverwritesANewerOne() throws IndexingException {
        ObjectEvent older = f.upload("order/stale.fits", fits(2, 4));
        ObjectEvent newer = f.upload("order/stale.fits", fits(3, 1));
        assertThat(apply(newer).hduCount()).isEqualTo(2);
        IndexOutcome stale = apply(older);
        assertThat(stale.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(stale.detail()).contains("newer event");
        IndexedObject indexed = f.reader().object(newer.objectUrl()).orElseThrow();
        assertThat(indexed.object().etag()).isEqualTo(newer.etag());
        assertThat(indexed.hdus()).hasSize(2);
        assertThat(f.hduItems(newer.objectUrl())).allSatisfy(i -> assertThat(i.get(IndexSchema.VERSION).s())
                .isEqualTo(indexed.version()));
    }

    @Test
    void aStaleEventForAReplacedObjectIsRecognisedByItsEtag() throws IndexingException {
        // Both events were delayed; the older one arrives first. Its bytes are gone (unversioned
        // bucket): the pinned read fails with a changed ETag and nothing is written.
        ObjectEvent older = f.upload("order/replaced.fits", fits(4, 3));
        ObjectEvent newer = f.upload("order/replaced.fits", fits(5, 1));
        IndexOutcome first = apply(older);
        assertThat(first.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(first.detail()).contains("changed since this event").contains(older.objectUrl());
        assertThat(f.items(older.objectUrl())).isEmpty();
        assertThat(apply(newer).hduCount()).isEqualTo(2);
    }

    @Test
    void aReUploadWithFewerHdusRemovesTheExtraOnes() throws IndexingException {
        ObjectEvent big = f.upload("order/shrinks.fits", fits(6, 5));
        assertThat(apply(big).hduCount()).isEqualTo(6);
        ObjectEvent small = f.upload("order/shrinks.fits", fits(7, 1));
        assertThat(apply(small).hduCount()).isEqualTo(2);
        String version = f.fileItem(small.objectUrl()).get(IndexSchema.VERSION).s();
        assertThat(f.items(small.objectUrl())).extracting(i -> i.get("sk").s())
                .containsExactly("FILE", IndexSchema.hduItemKey(version, 0));
        assertThat(f.fileItem(small.objectUrl()).get("hduCount").n()).isEqualTo("2");
        assertThat(f.hduItems(small.objectUrl()).get(0).get("target_name").s()).isEqualTo("FIELD-7");
        assertThat(f.hduItems(small.objectUrl()).get(0).get("hdus").s()).isEqualTo("1");
        assertThat(f.reader().byTarget("FIELD-6")).isEmpty();
    }

    @Test
    void removalDeletesTheItemsAndLeavesATombstone() throws IndexingException {
        ObjectEvent created = f.upload("order/removed.fits", fits(8, 2));
        apply(created);
        IndexOutcome removed = apply(removal(ObjectEvent.Change.REMOVED, "order/removed.fits", null));
        assertThat(removed.result()).isEqualTo(IndexOutcome.Result.REMOVED);
        assertThat(removed.detail()).isEqualTo("1 index item removed");
        Map<String, AttributeValue> tombstone = f.fileItem(created.objectUrl());
        assertThat(f.items(created.objectUrl())).hasSize(1);
        assertThat(tombstone.get("fileStatus").s()).isEqualTo("DELETED");
        long expires = Long.parseLong(tombstone.get("expiresAt").n());
        assertThat(expires - System.currentTimeMillis() / 1000).isBetween(29L * 86400, 30L * 86400 + 60);
    }

    @Test
    void aCreationOlderThanARemovalIsRefused() throws IndexingException {
        ObjectEvent created = f.upload("order/remove-first.fits", fits(9, 2));
        ObjectEvent removed = removal(ObjectEvent.Change.DELETE_MARKER_CREATED, "order/remove-first.fits", "dm-1");
        assertThat(apply(removed).result()).isEqualTo(IndexOutcome.Result.REMOVED);
        IndexOutcome stale = apply(created);
        assertThat(stale.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(f.items(created.objectUrl())).singleElement()
                .satisfies(i -> assertThat(i.get("fileStatus").s()).isEqualTo("DELETED"));
        // A later upload of the same key is indexed again.
        ObjectEvent again = f.upload("order/remove-first.fits", fits(10, 1));
        assertThat(apply(again).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        assertThat(f.fileItem(again.objectUrl()).get("fileStatus").s()).isEqualTo("INDEXED");
    }

    @Test
    void aRemovalOlderThanTheIndexedUploadChangesNothing() throws IndexingException {
        ObjectEvent removedFirst = removal(ObjectEvent.Change.REMOVED, "order/late-delete.fits", null);
        ObjectEvent created = f.upload("order/late-delete.fits", fits(11, 1));
        apply(created);
        assertThat(apply(removedFirst).result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(f.hdus(created.objectUrl())).hasSize(2);
    }

    @Test
    void deletingAnotherVersionLeavesTheIndexedOneAlone() throws IndexingException {
        ObjectEvent created = f.upload("order/versioned.fits", fits(12, 1));
        apply(created);
        // S3Proxy keeps no versions (GetObject with a versionId answers 501): record in the table
        // the version id a versioned bucket's event would have carried.
        f.dynamoClient.updateItem(b -> b.tableName(f.table)
                .key(Map.of("pk", AttributeValue.fromS(created.objectUrl()), "sk", AttributeValue.fromS("FILE")))
                .updateExpression("SET versionId = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("v2"))));
        IndexOutcome other = apply(removal(ObjectEvent.Change.REMOVED, "order/versioned.fits", "v1"));
        assertThat(other.result()).isEqualTo(IndexOutcome.Result.UNCHANGED);
        assertThat(other.detail()).contains("version v1 was deleted; the index holds version v2");
        assertThat(f.hdus(created.objectUrl())).hasSize(2);
        assertThat(f.hduItems(created.objectUrl())).hasSize(1);
        // A delete marker carries its own new version id, and hides the object all the same.
        assertThat(apply(removal(ObjectEvent.Change.DELETE_MARKER_CREATED, "order/versioned.fits", "marker-3"))
                .result()).isEqualTo(IndexOutcome.Result.REMOVED);
        assertThat(f.hduItems(created.objectUrl())).isEmpty();
        assertThat(f.hdus(created.objectUrl())).isEmpty();
    }

    @Test
    void aTableOfTheEarlierLayoutIsRefusedWithTheWayOut() {
        // A file item as the layout with one item per HDU wrote it: no version.
        String url = "s3://" + IndexFixture.BUCKET + "/order/earlier-layout.fits";
        f.dynamoClient.putItem(b -> b.tableName(f.table).item(Map.of("pk", AttributeValue.fromS(url),
                "sk", AttributeValue.fromS("FILE"), "seq", AttributeValue.fromS(""),
                "fileStatus", AttributeValue.fromS("INDEXED"))));
        ObjectEvent e = f.upload("order/earlier-layout.fits", fits(14, 1));
        assertThatThrownBy(() -> apply(e)).isInstanceOf(IllegalStateException.class).hasMessageContaining(url)
                .hasMessageContaining("Moving to this table layout");
    }

    @Test
    void keysWithSpacesPlusAndNonAsciiAreDecodedFromTheEvent() throws IndexingException {
        String key = "raw/2026 run+1/M31 – Andromeda ñ.fits";
        byte[] bytes = fits(13, 1);
        var put = f.put(key, bytes);
        String encoded = "raw/2026+run%2B1/M31+%E2%80%93+Andromeda+%C3%B1.fits";
        ObjectEvent e = S3Notifications.of("ObjectCreated:Put", IndexFixture.BUCKET, encoded, (long) bytes.length,
                ObjectVersion.bareEtag(put.eTag()), null, IndexFixture.nextSequencer());
        assertThat(e.key()).isEqualTo(key);
        assertThat(apply(e).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        assertThat(f.fileItem("s3://" + IndexFixture.BUCKET + "/" + key).get("s3Key").s()).isEqualTo(key);
    }
}
