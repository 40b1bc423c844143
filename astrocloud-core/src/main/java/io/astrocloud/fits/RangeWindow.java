package io.astrocloud.fits;

import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceException;
import java.io.IOException;

/**
 * Ranged reads with read-ahead: each request asks for {@code readAhead} bytes (never past the
 * object's end, once known), and what arrived is kept so that a header spread over several
 * blocks, or the next HDU's header right behind a small data segment, costs no further request.
 * Bytes already fetched are never fetched again; a jump past the window (over a large data
 * segment) drops it.
 */
final class RangeWindow implements ByteWindow {
    private final RangeSource source;
    private final int readAhead;
    private byte[] buf = new byte[0];
    private long bufStart;
    private int bufLen;
    private ObjectInfo object = ObjectInfo.UNKNOWN;

    RangeWindow(RangeSource source, int readAhead) {
        this.source = source;
        this.readAhead = readAhead;
    }

    @Override
    public ObjectInfo object() {
        return object;
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len) throws IOException {
        long want = object.sizeKnown() ? Math.min(len, Math.max(0, object.size() - offset)) : len;
        if (want == 0) {
            return 0;
        }
        if (offset < bufStart || offset + want > bufStart + bufLen) {
            fill(offset, (int) want);
        }
        int n = (int) Math.max(0, Math.min(want, bufStart + bufLen - offset));
        if (n > 0) {
            System.arraycopy(buf, (int) (offset - bufStart), dst, off, n);
        }
        return n;
    }

    private void fill(long offset, int len) throws IOException {
        long bufEnd = bufStart + bufLen;
        boolean extend = offset >= bufStart && offset < bufEnd;
        long from = extend ? bufEnd : offset;
        long need = offset + len - from;
        long ask = Math.max(need, readAhead);
        if (object.sizeKnown()) {
            ask = Math.min(ask, object.size() - from);
        }
        FetchedRange got;
        try {
            got = source.read(RangeRequest.of(from, (int) Math.min(ask, Integer.MAX_VALUE - 16)));
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.RANGE_NOT_SATISFIABLE && !object.sizeKnown()) {
                object = new ObjectInfo(from, object.etag());
                return;
            }
            throw e;
        }
        object = merge(got.object(), from, got.bytes().length, ask);
        if (extend) {
            // Keep only the bytes from the current offset on: earlier ones were consumed.
            int keep = (int) (bufEnd - offset);
            byte[] next = new byte[keep + got.bytes().length];
            System.arraycopy(buf, (int) (offset - bufStart), next, 0, keep);
            System.arraycopy(got.bytes(), 0, next, keep, got.bytes().length);
            buf = next;
            bufStart = offset;
            bufLen = next.length;
        } else {
            buf = got.bytes();
            bufStart = from;
            bufLen = buf.length;
        }
    }

    private ObjectInfo merge(ObjectInfo seen, long from, int got, long asked) {
        long size = seen.size();
        if (size < 0 && got < asked) {
            size = from + got; // a short read without a size: the end of the object
        }
        return new ObjectInfo(size, seen.etag());
    }

    @Override
    public void close() {
        buf = new byte[0];
    }
}
