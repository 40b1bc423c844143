package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.OpenedObject;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.TransferStats;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A walk over one object's HDUs by their headers alone, lazily: each HDU is read when asked for,
 * so a caller that wants only the primary header pays for one request. Iterate it once; close it
 * when done. Reading errors surface as {@link UncheckedIOException} from {@link #iterator()} and
 * {@link #stream()}, or as the checked {@link IOException} from {@link #next()} and {@link #toList()}.
 *
 * <p>The walk starts with the first window the {@link FetchPlanner} asks for. Its first bytes
 * decide, once, how the object is read: by ranges, or (a gzip-compressed object, when
 * {@link WalkOptions#gzip()} allows it) as one decompressed stream. The {@link HduReader} then
 * applies the FITS rules to those bytes, HDU after HDU.
 */
public final class HeaderWalk implements Iterable<Hdu>, Closeable {
    private static final int BLOCK = DataSize.BLOCK;

    private final OpenedObject object;
    private final WalkOptions options;
    private final FetchPlanner planner;
    private final List<Closeable> alsoClose = new ArrayList<>();
    private ByteWindow window;
    private ObjectInfo compressed;
    private HduReader reader;
    private boolean finished;
    private boolean iterated;

    private HeaderWalk(OpenedObject object, WalkOptions options) {
        this.object = object;
        this.options = options;
        this.planner = new FetchPlanner(options, object.pin());
        this.window = new RangeWindow(object);
    }

    /**
     * A walk over {@code object}, planned with what is known of it before any read (the size and
     * ETag a listing gave it); closing the walk closes the object.
     */
    public static HeaderWalk over(OpenedObject object, WalkOptions options) {
        return new HeaderWalk(object, options);
    }

    /** A walk over a bare {@code source} (bytes in memory, a local file), counted and pinned, not retried. */
    public static HeaderWalk over(RangeSource source, WalkOptions options) {
        return over(OpenedObject.of(source), options);
    }

    /** The object's URL. */
    public String url() {
        return object.url();
    }

    /** The next HDU, or null after the last one. */
    public Hdu next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            if (reader == null) {
                reader = new HduReader(chooseBytes(), planner, url(), options.maxHeaderBytes());
            }
            Hdu hdu = reader.next();
            if (hdu == null || !hdu.complete()) {
                finished = true;
            }
            return hdu;
        } catch (IOException | RuntimeException e) {
            finished = true;
            throw e;
        }
    }

    /** Every remaining HDU. */
    public List<Hdu> toList() throws IOException {
        List<Hdu> all = new ArrayList<>();
        for (Hdu h = next(); h != null; h = next()) {
            all.add(h);
        }
        return all;
    }

    /**
     * What is known of the object as stored: size and ETag as the first response gave them (for a
     * gzip-compressed object, the compressed object's).
     */
    public ObjectInfo object() {
        return compressed != null ? compressed : window.object();
    }

    /** Requests sent and bytes received so far, retries included. */
    public TransferStats stats() {
        return object.stats();
    }

    /** Things the walk noticed and tolerated (trailing bytes after the last HDU, missing padding). */
    public List<String> warnings() {
        return reader == null ? List.of() : reader.warnings();
    }

    /**
     * Reads the first window by ranges and keeps it, or, when it starts with gzip's magic bytes,
     * drops it for one stream of the whole object, decompressed as it arrives (gzip files cannot be
     * read by ranges). A gzip-compressed object is refused unless the options allow it.
     */
    private ByteWindow chooseBytes() throws IOException {
        byte[] block = new byte[BLOCK];
        int n = window.read(0, block, 0, BLOCK, planner.headerStart(0, window.object()));
        if (n < 2 || (block[0] & 0xff) != 0x1f || (block[1] & 0xff) != 0x8b) {
            return window;
        }
        ObjectInfo stored = window.object();
        if (!options.gzip()) {
            throw new FitsFormatException(url(), 0, 0, "the object is gzip-compressed (it starts with 1F 8B): "
                    + "its HDUs cannot be reached with range requests; allow gzip (--gzip) to stream and "
                    + "decompress the whole object" + (stored.sizeKnown() ? " (" + stored.size() + " bytes)" : ""));
        }
        window.close();
        compressed = stored;
        window = new StreamWindow(gunzip(), url(), stored.etag());
        return window;
    }

    private InputStream gunzip() throws IOException {
        InputStream raw = object.open(0, null);
        try {
            return new GZIPInputStream(raw, 64 * 1024);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new FitsFormatException(url(), 0, 0, "the gzip header is corrupt (" + e.getMessage() + ")", e);
        }
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
                        pending = HeaderWalk.this.next();
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
        finished = true;
        try {
            try {
                window.close();
            } finally {
                object.close();
            }
        } finally {
            for (Closeable c : alsoClose) {
                c.close();
            }
        }
    }
}
