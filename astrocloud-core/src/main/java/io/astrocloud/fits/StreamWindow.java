package io.astrocloud.fits;

import io.astrocloud.source.ObjectInfo;
import java.io.IOException;
import java.io.InputStream;

/** A forward-only window over a stream (a gzip-compressed object, decompressed as it arrives). */
final class StreamWindow implements ByteWindow {
    private final InputStream in;
    private final String url;
    private final String etag;
    private long position;
    private boolean ended;

    StreamWindow(InputStream in, String url, String etag) {
        this.in = in;
        this.url = url;
        this.etag = etag;
    }

    @Override
    public ObjectInfo object() {
        return new ObjectInfo(ended ? position : -1, etag);
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len, int fetch) throws IOException {
        try {
            return readStream(offset, dst, off, len);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new FitsFormatException(url, -1, position, "the gzip stream is corrupt or cut short ("
                    + e.getMessage() + ")", e);
        }
    }

    private int readStream(long offset, byte[] dst, int off, int len) throws IOException {
        if (offset < position) {
            throw new IllegalStateException("stream window cannot go back from " + position + " to " + offset);
        }
        while (position < offset) {
            long skipped = in.skip(offset - position);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    ended = true;
                    return 0;
                }
                skipped = 1;
            }
            position += skipped;
        }
        int n = in.readNBytes(dst, off, len);
        position += n;
        if (n < len) {
            ended = true;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
