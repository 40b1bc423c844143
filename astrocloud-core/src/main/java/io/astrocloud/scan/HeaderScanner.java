package io.astrocloud.scan;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.OpenedObject;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks many objects at once with a bound on how many are in flight. Each walk sends one request
 * at a time, except for predicted headers of files that repeat a layout, which all walks in the
 * JVM fetch through at most 64 shared threads: requests in flight stay under concurrency + 64
 * (set {@link WalkOptions#withPrefetch} to 0 for exactly concurrency). Objects are drawn from the input as slots
 * free up, so a listing of millions is never held in memory; results come back as each object
 * completes, not in input order, and a failed or slow object never stops the others. The
 * concurrency the command line and the Camel component use by default is
 * {@link io.astrocloud.settings.Defaults#CONCURRENCY}.
 */
public final class HeaderScanner implements Closeable {
    private final SourceResolver resolver;
    private final WalkOptions options;
    private final int concurrency;
    private final ExecutorService pool;

    /**
     * @param resolver    opens sources (its clients are shared by all walks; not closed here)
     * @param options     how each object is walked
     * @param concurrency objects in flight at most
     */
    public HeaderScanner(SourceResolver resolver, WalkOptions options, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.resolver = resolver;
        this.options = options;
        this.concurrency = concurrency;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "astrocloud-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Walks the objects named by {@code urls}. */
    public Stream<ScanResult> scanUrls(List<String> urls) {
        return scan(urls.stream().map(ObjectRef::of).iterator());
    }

    /**
     * Walks every object {@code objects} yields, drawing from it lazily. The stream must be consumed
     * (or closed) by one thread; closing it early stops drawing new objects.
     */
    public Stream<ScanResult> scan(Iterator<ObjectRef> objects) {
        BoundedFanOut<ObjectRef, ScanResult> results = new BoundedFanOut<>(objects, this::walk, pool, concurrency);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, Spliterator.NONNULL), false)
                .onClose(results::stop);
    }

    /** Walks one object, never throwing: an error becomes the result. */
    public ScanResult walk(ObjectRef ref) {
        List<Hdu> hdus = new ArrayList<>();
        OpenedObject object = null;
        HeaderWalk walk = null;
        try {
            object = resolver.open(ref);
            walk = HeaderWalk.over(object, options);
            for (Hdu h = walk.next(); h != null; h = walk.next()) {
                hdus.add(h);
            }
            return new ScanResult(ref, hdus, walk.object(), object.stats(), walk.warnings(), null);
        } catch (Exception e) {
            ObjectInfo info = walk == null ? ObjectInfo.UNKNOWN : walk.object();
            List<String> warnings = walk == null ? List.of() : walk.warnings();
            TransferStats stats = object == null ? new TransferStats() : object.stats();
            return new ScanResult(ref, hdus, info, stats, warnings, e);
        } finally {
            if (walk != null) {
                try {
                    walk.close();
                } catch (Exception ignored) {
                    // The result is already decided; a failure to close changes nothing.
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
