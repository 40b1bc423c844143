package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.TransferStats;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A walk over one object's HDUs, lazily: each HDU is read when asked for, so a caller that wants
 * only the primary header pays for one request. Iterate it once; close it when done. Reading
 * errors surface as {@link UncheckedIOException} from {@link #iterator()} and {@link #stream()},
 * or as the checked {@link IOException} from {@link #next()} and {@link #toList()}.
 */
public final class HeaderWalk implements Iterable<Hdu>, Closeable {
    private final HeaderWalker walker;
    private final TransferStats stats;
    private final List<Closeable> alsoClose = new ArrayList<>();
    private boolean iterated;

    HeaderWalk(HeaderWalker walker, TransferStats stats) {
        this.walker = walker;
        this.stats = stats;
    }

    /** The object's URL. */
    public String url() {
        return walker.url();
    }

    /** The next HDU, or null after the last one. */
    public Hdu next() throws IOException {
        return walker.next();
    }

    /** Every remaining HDU. */
    public List<Hdu> toList() throws IOException {
        List<Hdu> all = new ArrayList<>();
        for (Hdu h = next(); h != null; h = next()) {
            all.add(h);
        }
        return all;
    }

    /** What is known of the object: size and ETag as the first response gave them. */
    public ObjectInfo object() {
        return walker.object();
    }

    /** Requests sent and bytes received so far, if this walk counts them (else null). */
    public TransferStats stats() {
        return stats;
    }

    /** Things the walk noticed and tolerated (trailing bytes after the last HDU, missing padding). */
    public List<String> warnings() {
        return walker.warnings();
    }

    @Override
    public Iterator<Hdu> iterator() {
        if (iterated) {
            throw new IllegalStateException("a walk can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private Hdu pending;

            @Override
            public boolean hasNext() {
                if (pending == null) {
                    try {
                        pending = walker.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return pending != null;
            }

            @Override
            public Hdu next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Hdu h = pending;
                pending = null;
                return h;
            }
        };
    }

    /** The HDUs as a lazy, ordered stream (closing the stream closes the walk). */
    public Stream<Hdu> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Closes {@code resource} too when this walk is closed (clients made for the walk). */
    public HeaderWalk onClose(Closeable resource) {
        alsoClose.add(resource);
        return this;
    }

    @Override
    public void close() throws IOException {
        try {
            walker.close();
        } finally {
            for (Closeable c : alsoClose) {
                c.close();
            }
        }
    }
}
