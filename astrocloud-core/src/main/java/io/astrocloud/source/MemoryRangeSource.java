package io.astrocloud.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/** Ranged reads of bytes held in memory (tests, fuzzing, objects already downloaded). */
public final class MemoryRangeSource implements RangeSource {
    private final String url;
    private final byte[] bytes;
    private final String etag;

    /** @param url a name for messages; @param bytes the object (not copied) */
    public MemoryRangeSource(String url, byte[] bytes) {
        this.url = url;
        this.bytes = bytes;
        this.etag = "\"" + Integer.toHexString(Arrays.hashCode(bytes)) + "\"";
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        if (r.offset() >= bytes.length) {
            throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url, r.offset(),
                    "object has " + bytes.length + " bytes");
        }
        int from = (int) r.offset();
        int to = (int) Math.min(bytes.length, r.offset() + r.length());
        return new FetchedRange(r.offset(), Arrays.copyOfRange(bytes, from, to),
                new ObjectInfo(bytes.length, etag), to - from);
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) Math.min(offset, bytes.length),
                bytes.length);
        return new ObjectStream(in, new ObjectInfo(bytes.length, etag));
    }
}
