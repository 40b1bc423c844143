package io.astrocloud.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream of an object's bytes, with what the response said about the whole object. */
public final class ObjectStream extends FilterInputStream {
    private final ObjectInfo object;

    /** @param in the body; @param object what the response said about the whole object */
    public ObjectStream(InputStream in, ObjectInfo object) {
        super(in);
        this.object = object;
    }

    /** What the response said about the whole object. */
    public ObjectInfo object() {
        return object;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }
}
