package io.astrocloud.bench;

import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.ObjectStream;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import java.io.IOException;

/** Records on a {@link RequestTimeline} when each ranged read of the wrapped source was in flight. */
final class TimedSource implements RangeSource {
    private final RangeSource inner;
    private final RequestTimeline timeline;

    TimedSource(RangeSource inner, RequestTimeline timeline) {
        this.inner = inner;
        this.timeline = timeline;
    }

    @Override
    public String url() {
        return inner.url();
    }

    @Override
    public FetchedRange read(RangeRequest request) throws IOException {
        long start = System.nanoTime();
        try {
            return inner.read(request);
        } finally {
            timeline.record(start, System.nanoTime());
        }
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        long start = System.nanoTime();
        ObjectStream s = inner.open(offset, ifMatch);
        timeline.record(start, System.nanoTime());
        return s;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
