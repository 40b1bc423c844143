package io.astrocloud.fits;

import io.astrocloud.source.FetchedRange;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ranged reads for the walker. Each fetch asks for as many bytes as the walker expects to need
 * (never past the object's end, once known), and what arrived is kept so that a header spread
 * over several blocks, or the next header right behind a small data segment, costs no further
 * request. Bytes already fetched are never fetched again; a jump past the window drops it.
 * Predicted headers can be fetched in the background, in parallel; a prefetch is used only when
 * the walk arrives exactly where it was predicted, so a wrong guess costs bytes, never correctness.
 */
final class RangeWindow implements ByteWindow {
    /** Background reads of predicted headers in this JVM, at most, whatever the number of walks. */
    static final int MAX_PREFETCH_THREADS = 64;
    /** Background reads of predicted headers share these threads across walks. */
    private static final ExecutorService PREFETCH = prefetchPool();
    /** At most this many prefetched bytes wait per walk, whatever the predictions say. */
    private static final long MAX_PREFETCH_BYTES = 4L * 1024 * 1024;

    private final RangeSource source;
    private final TreeMap<Long, Prefetch> prefetches = new TreeMap<>();
    private byte[] buf = new byte[0];
    private long bufStart;
    private int bufLen;
    private volatile ObjectInfo object = ObjectInfo.UNKNOWN;

    private static ExecutorService prefetchPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_PREFETCH_THREADS, MAX_PREFETCH_THREADS, 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "astrocloud-prefetch");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    RangeWindow(RangeSource source) {
        this.source = source;
    }

    @Override
    public ObjectInfo object() {
        return object;
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len, int fetch) throws IOException {
        long want = object.sizeKnown() ? Math.min(len, Math.max(0, object.size() - offset)) : len;
        if (want == 0) {
            return 0;
        }
        if ((offset < bufStart || offset + want > bufStart + bufLen) && !takePrefetch(offset, want)) {
            fill(offset, (int) want, Math.max(fetch, (int) want));
        }
        int n = (int) Math.max(0, Math.min(want, bufStart + bufLen - offset));
        if (n > 0) {
            System.arraycopy(buf, (int) (offset - bufStart), dst, off, n);
        }
        return n;
    }

    @Override
    public void prefetch(List<long[]> ranges) {
        long waiting = prefetches.values().stream().mapToLong(p -> p.length).sum();
        for (long[] r : ranges) {
            long offset = r[0];
            long length = object.sizeKnown() ? Math.min(r[1], object.size() - offset) : r[1];
            if (length <= 0 || waiting + length > MAX_PREFETCH_BYTES || covered(offset, length)) {
                continue;
            }
            waiting += length;
            RangeRequest request = RangeRequest.of(offset, (int) length);
            prefetches.put(offset, new Prefetch(length, CompletableFuture.supplyAsync(() -> {
                try {
                    return source.read(request);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, PREFETCH)));
        }
    }

    @Override
    public void dropPrefetches() {
        prefetches.values().forEach(p -> p.result.cancel(true));
        prefetches.clear();
    }

    private boolean covered(long offset, long length) {
        if (offset >= bufStart && offset + length <= bufStart + bufLen) {
            return true;
        }
        Map.Entry<Long, Prefetch> e = prefetches.floorEntry(offset);
        return e != null && e.getKey() + e.getValue().length >= offset + length;
    }

    /** Serves a read from a prefetch that starts exactly at {@code offset}; older ones are dropped. */
    private boolean takePrefetch(long offset, long want) throws IOException {
        for (Iterator<Map.Entry<Long, Prefetch>> it = prefetches.headMap(offset, false).entrySet().iterator();
                it.hasNext(); ) {
            it.next().getValue().result.cancel(true);
            it.remove();
        }
        Prefetch p = prefetches.remove(offset);
        if (p == null) {
            return false;
        }
        FetchedRange got;
        try {
            got = p.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + Redaction.text(source.url()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ? e.getCause().getCause() : e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(cause);
        }
        object = merge(got.object(), offset, got.bytes().length, p.length);
        buf = got.bytes();
        bufStart = offset;
        bufLen = buf.length;
        return bufLen >= want || object.sizeKnown() && offset + bufLen >= object.size();
    }

    private void fill(long offset, int len, int fetch) throws IOException {
        long bufEnd = bufStart + bufLen;
        boolean extend = offset >= bufStart && offset < bufEnd;
        long from = extend ? bufEnd : offset;
        long ask = Math.max(offset + len - from, fetch - (from - offset));
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
        long size = seen.size() >= 0 ? seen.size() : object.size();
        if (size < 0 && got < asked) {
            size = from + got; // a short read without a size: the end of the object
        }
        return new ObjectInfo(size, seen.etag() != null ? seen.etag() : object.etag());
    }

    @Override
    public void close() {
        dropPrefetches();
        buf = new byte[0];
    }

    /** A background read of a predicted header. */
    private static final class Prefetch {
        final long length;
        final CompletableFuture<FetchedRange> result;

        Prefetch(long length, CompletableFuture<FetchedRange> result) {
            this.length = length;
            this.result = result;
        }
    }
}
