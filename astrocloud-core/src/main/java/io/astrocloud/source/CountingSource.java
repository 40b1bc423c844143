package io.astrocloud.source;

import java.io.FilterInputStream;
import java.io.IOException;

/** Counts the requests a source sends and the bytes it receives, attempts and failures included. */
final class CountingSource implements RangeSource {
    private final RangeSource inner;
    private final TransferStats stats;

    /** @param inner the source to count; @param stats where to count */
    CountingSource(RangeSource inner, TransferStats stats) {
        this.inner = inner;
        this.stats = stats;
    }

    @Override
    public String url() {
        return inner.url();
    }

    @Override
    public FetchedRange read(RangeRequest request) throws IOException {
        try {
            FetchedRange f = inner.read(request);
            stats.record(f.transferred());
            return f;
        } catch (IOException | RuntimeException e) {
            stats.recordRequest();
            throw e;
        }
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        stats.recordRequest();
        ObjectStream s = inner.open(offset, ifMatch);
        return new ObjectStream(new FilterInputStream(s) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    stats.addBytes(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    stats.addBytes(n);
                }
                return n;
            }
        }, s.object());
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
