package io.astrocloud.source;

/**
 * What a response said about the whole object: its size and its ETag.
 *
 * @param size the object's size in bytes, or -1 when the server did not say
 * @param etag the entity tag as the server sent it (quoted, possibly weak), or null
 */
public record ObjectInfo(long size, String etag) {
    /** Nothing known. */
    public static final ObjectInfo UNKNOWN = new ObjectInfo(-1, null);

    /** True when the size is known. */
    public boolean sizeKnown() {
        return size >= 0;
    }

    /** True when the ETag is weak ({@code W/"..."}), so it cannot be used with If-Match. */
    public boolean weakEtag() {
        return etag != null && etag.startsWith("W/");
    }
}
