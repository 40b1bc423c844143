package io.astrocloud.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object body read through a store's SDK (GCS, Azure) whose read failures become
 * {@link SourceException}s naming the URL and the offset reached ({@link SourceException#fromIoFailure}),
 * so that downloads can resume after a broken body, whatever the store.
 */
public final class SdkBody extends FilterInputStream {
    /** Turns what an SDK's stream threw at an offset into a {@link SourceException}. */
    @FunctionalInterface
    public interface Failures {
        /** The failure {@code e}, met reading at {@code offset}, stands for. */
        SourceException mapped(Exception e, long offset);
    }

    private final Failures failures;
    private final Runnable abandon;
    private long position;
    private boolean finished;

    /**
     * @param in    the SDK's stream
     * @param url   the object's URL, for messages
     * @param start the object offset the stream starts at
     */
    public SdkBody(InputStream in, String url, long start) {
        this(in, start, (e, offset) -> SourceException.fromIoFailure(url, offset, e));
    }

    /**
     * @param in       the SDK's stream
     * @param start    the object offset the stream starts at
     * @param failures the store's own mapping (its status codes may surface while streaming)
     */
    public SdkBody(InputStream in, long start, Failures failures) {
        this(in, start, failures, null);
    }

    /**
     * @param in       the SDK's stream
     * @param start    the object offset the stream starts at
     * @param failures the store's own mapping
     * @param abandon  run when the stream is closed before its end (to drop the connection rather
     *                 than drain the rest of the body), or null
     */
    public SdkBody(InputStream in, long start, Failures failures, Runnable abandon) {
        super(in);
        this.failures = failures;
        this.abandon = abandon;
        this.position = start;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n > 0) {
                position += n;
            } else if (n < 0) {
                finished = true;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            throw failures.mapped(e, position);
        }
    }

    @Override
    public void close() throws IOException {
        if (!finished && abandon != null) {
            abandon.run();
        }
        in.close();
    }
}
