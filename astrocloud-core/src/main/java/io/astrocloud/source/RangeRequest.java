package io.astrocloud.source;

/**
 * A request for bytes {@code [offset, offset + length)} of an object.
 *
 * @param offset  first byte wanted
 * @param length  bytes wanted (at least 1); fewer come back only at the object's end
 * @param ifMatch an ETag the object must still have (If-Match), or null
 */
public record RangeRequest(long offset, int length, String ifMatch) {
    /** Validates the range. */
    public RangeRequest {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
        }
    }

    /** A request with no precondition. */
    public static RangeRequest of(long offset, int length) {
        return new RangeRequest(offset, length, null);
    }

    /** The same range, conditional on {@code etag}. */
    public RangeRequest withIfMatch(String etag) {
        return new RangeRequest(offset, length, etag);
    }

    /** The last byte wanted (inclusive), as HTTP Range headers write it. */
    public long lastByte() {
        return offset + length - 1;
    }

    /** The HTTP Range header value for this request. */
    public String httpRange() {
        return "bytes=" + offset + "-" + lastByte();
    }
}
