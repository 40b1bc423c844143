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
    private final String url;
    private long position;

    /**
     * @param in    the SDK's stream
     * @param url   the object's URL, for messages
     * @param start the object offset the stream starts at
     */
    public SdkBody(InputStream in, String url, long start) {
        super(in);
        this.url = url;
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
            throw SourceException.fromIoFailure(url, position, e);
        }
    }
}
