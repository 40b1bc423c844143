package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.ObjectStream;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The walker's window: what it asks the store for, and what it serves from bytes it holds. */
class RangeWindowTest {
    private static final int SIZE = 20 * 2880;

    /** Bytes in memory whose value is their offset modulo 251; every request recorded as [offset, length]. */
    private static class RecordingSource implements RangeSource {
        final List<long[]> requests = new CopyOnWriteArrayList<>();
        private final MemoryRangeSource bytes;

        RecordingSource(int size) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (i % 251);
            }
            bytes = new MemoryRangeSource("mem://window", b);
        }

        @Override
        public String url() {
            return bytes.url();
        }

        @Override
        public FetchedRange read(RangeRequest request) throws IOException {
            requests.add(new long[] {request.offset(), request.length()});
            return bytes.read(request);
        }

        @Override
        public ObjectStream open(long offset, String ifMatch) {
            throw new AssertionError("a window never streams");
        }
    }

    private static byte[] read(RangeWindow window, long offset, int len, int fetch) throws IOException {
        byte[] dst = new byte[len];
        int n = window.read(offset, dst, 0, len, fetch);
        return java.util.Arrays.copyOf(dst, n);
    }

    private static void assertBytesOf(byte[] got, long offset) {
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("byte " + (offset + i)).isEqualTo((byte) ((offset + i) % 251));
        }
    }

    @Test
    void asksForTheFetchAndServesWhatItHoldsWithoutAnotherRequest() throws IOException {
        RecordingSource store = new RecordingSource(SIZE);
        RangeWindow window = new RangeWindow(store);
        assertBytesOf(read(window, 0, 2880, 5 * 2880), 0);
        assertBytesOf(read(window, 2880, 2880, 5 * 2880), 2880);
        assertBytesOf(read(window, 4 * 2880, 2880, 5 * 2880), 4 * 2880);
        assertThat(store.requests).containsExactly(new long[] {0, 5 * 2880});
        assertThat(window.object().size()).isEqualTo(SIZE);
    }

    @Test
    void extendsTheWindowFromItsEndWithoutFetchingHeldBytesAgain() throws IOException {
        RecordingSource store = new RecordingSource(SIZE);
        RangeWindow window = new RangeWindow(store);
        read(window, 0, 2880, 2 * 2880);
        assertBytesOf(read(window, 2880, 2 * 2880, 2 * 2880), 2880);
        assertThat(store.requests).containsExactly(new long[] {0, 2 * 2880}, new long[] {2 * 2880, 2880});
    }

    @Test
    void jumpsPastTheWindowAndNeverAsksPastTheEndOnceTheSizeIsKnown() throws IOException {
        RecordingSource store = new RecordingSource(SIZE);
        RangeWindow window = new RangeWindow(store);
        read(window, 0, 2880, 2880);
        assertBytesOf(read(window, SIZE - 2880, 2880, 5 * 2880), SIZE - 2880);
        assertThat(read(window, SIZE, 2880, 2880)).as("at the end").isEmpty();
        assertThat(store.requests).containsExactly(new long[] {0, 2880}, new long[] {SIZE - 2880, 2880});
    }

    @Test
    void learnsTheEndOfAnObjectOfUnknownSizeFromAShortRead() throws IOException {
        RangeSource sizeless = new RecordingSource(3 * 2880) {
            @Override
            public FetchedRange read(RangeRequest request) throws IOException {
                FetchedRange f = super.read(request);
                return new FetchedRange(f.offset(), f.bytes(), io.astrocloud.source.ObjectInfo.UNKNOWN,
                        f.transferred());
            }
        };
        RangeWindow window = new RangeWindow(sizeless);
        assertThat(read(window, 0, 2880, 10 * 2880)).hasSize(2880);
        assertThat(window.object().size()).isEqualTo(3 * 2880);
    }

    @Test
    void usesAPrefetchOnlyWhereTheWalkArrivesAndDropsThoseItPassed() throws IOException {
        RecordingSource store = new RecordingSource(SIZE);
        RangeWindow window = new RangeWindow(store);
        read(window, 0, 2880, 2880);
        window.prefetch(List.of(new long[] {5 * 2880, 2880}, new long[] {10 * 2880, 2880}));
        // Past the first prediction, at an offset none predicted: dropped, and a request of its own.
        assertBytesOf(read(window, 7 * 2880, 2880, 2880), 7 * 2880);
        assertThat(store.requests).anySatisfy(r -> assertThat(r).containsExactly(7 * 2880, 2880));
        // At the second prediction: served by it, without a request of its own.
        assertBytesOf(read(window, 10 * 2880, 2880, 2880), 10 * 2880);
        assertThat(store.requests.stream().filter(r -> r[0] == 10L * 2880).count()).isEqualTo(1);
        window.close();
    }
}
