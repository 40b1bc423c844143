package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads pinned to one version of an object: If-Match after the first response, and a check of each answer. */
class PinnedSourceTest {
    /** A store whose object can be replaced between reads; it records the If-Match of each request. */
    private static final class ReplaceableObject implements RangeSource {
        final List<String> ifMatch = new ArrayList<>();
        ObjectInfo current;

        ReplaceableObject(long size, String etag) {
            current = new ObjectInfo(size, etag);
        }

        @Override
        public String url() {
            return "https://h/x.fits";
        }

        @Override
        public FetchedRange read(RangeRequest request) {
            ifMatch.add(request.ifMatch());
            return new FetchedRange(request.offset(), new byte[request.length()], current, request.length());
        }

        @Override
        public ObjectStream open(long offset, String condition) {
            ifMatch.add(condition);
            return new ObjectStream(new ByteArrayInputStream(new byte[10]), current);
        }
    }

    private static SourceException.Reason reason(Throwable t) {
        return ((SourceException) t).reason();
    }

    @Test
    void pinsToTheFirstResponseAndSendsItsEtagWithEveryLaterRead() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, "\"v1\"");
        PinnedSource pinned = new PinnedSource(object, ObjectInfo.UNKNOWN);
        assertThat(pinned.pinned()).isEqualTo(ObjectInfo.UNKNOWN);
        pinned.read(RangeRequest.of(0, 2880));
        pinned.read(RangeRequest.of(2880, 2880));
        pinned.open(100, null).close();
        assertThat(object.ifMatch).containsExactly(null, "\"v1\"", "\"v1\"");
        assertThat(pinned.pinned()).isEqualTo(new ObjectInfo(5760, "\"v1\""));
    }

    @Test
    void failsAsChangedWhenTheEtagMovesEvenIfTheStoreIgnoresIfMatch() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, "\"v1\"");
        PinnedSource pinned = new PinnedSource(object, ObjectInfo.UNKNOWN);
        pinned.read(RangeRequest.of(0, 2880));
        object.current = new ObjectInfo(5760, "\"v2\"");
        assertThatThrownBy(() -> pinned.read(RangeRequest.of(2880, 2880)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED))
                .hasMessageContaining("was ETag \"v1\"").hasMessageContaining("now ETag \"v2\"");
        assertThatThrownBy(() -> pinned.open(0, null))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED));
    }

    @Test
    void comparesSizesWhenTheStoreGivesNoEtag() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, null);
        PinnedSource pinned = new PinnedSource(object, ObjectInfo.UNKNOWN);
        pinned.read(RangeRequest.of(0, 2880));
        object.current = new ObjectInfo(8640, null);
        assertThatThrownBy(() -> pinned.read(RangeRequest.of(2880, 2880)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED));
        assertThat(object.ifMatch).containsOnlyNulls();
    }

    @Test
    void comparesAWeakEtagButNeverSendsIt() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, "W/\"v1\"");
        PinnedSource pinned = new PinnedSource(object, ObjectInfo.UNKNOWN);
        pinned.read(RangeRequest.of(0, 2880));
        pinned.read(RangeRequest.of(2880, 2880));
        assertThat(object.ifMatch).containsOnlyNulls();
        object.current = new ObjectInfo(5760, "\"v1\"");
        pinned.read(RangeRequest.of(0, 10));
        object.current = new ObjectInfo(5760, "W/\"v2\"");
        assertThatThrownBy(() -> pinned.read(RangeRequest.of(0, 10)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED));
    }

    @Test
    void pinsInAdvanceToWhatAListingSaid() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, "\"v2\"");
        PinnedSource pinned = new PinnedSource(object, new ObjectInfo(5760, "\"v1\""));
        assertThatThrownBy(() -> pinned.read(RangeRequest.of(0, 2880)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED));
        assertThat(object.ifMatch).containsExactly("\"v1\"");
    }

    @Test
    void adoptsTheEtagOfAPartialDownloadOrRefusesAnother() throws Exception {
        ReplaceableObject object = new ReplaceableObject(5760, "\"v1\"");
        PinnedSource fresh = new PinnedSource(object, ObjectInfo.UNKNOWN);
        fresh.expect("\"v1\"");
        fresh.read(RangeRequest.of(0, 10));
        assertThat(object.ifMatch).containsExactly("\"v1\"");
        fresh.expect("\"v1\"");

        PinnedSource read = new PinnedSource(object, ObjectInfo.UNKNOWN);
        read.read(RangeRequest.of(0, 10));
        assertThatThrownBy(() -> read.expect("\"v0\""))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(SourceException.Reason.CHANGED));
    }
}
