package io.astrocloud.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object body read through a store's SDK (GCS, Azure) whose read failures become
 * {@link SourceException}s naming the URL and the offset reached ({@link SourceException#fromIoFailure}),
 * so that downloads can resume after a broken body as they do over HTTP and S3.
 */
public final class SdkBody extends FilterInputStream {
    /** Turns what an SDK's stream threw at an offset into a {@link SourceException}. */
    @FunctionalInterface
    public interface Failures {
        /** The failure {@code e}, met reading at {@code offset}, stands for. */
        SourceException mapped(Exception e, long offset);
    }

    private final Failures failures;
    private long position;

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
        super(in);
        this.failures = failures;
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
            }
            return n;
        } catch (IOException | RuntimeException e) {
            throw failures.mapped(e, position);
        }
    }
}
