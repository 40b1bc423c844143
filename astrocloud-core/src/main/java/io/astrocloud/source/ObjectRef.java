package io.astrocloud.source;

/**
 * One object to read: its URL and, when a listing or an event gave them, its ETag and size (reads
 * are then pinned to them, so an object replaced after the listing fails clearly instead of being
 * mixed up).
 *
 * @param url  the object's URL, in a form its store reads (listings give their objects' canonical URLs)
 * @param etag the ETag as the store's reads report it, or null
 * @param size the size in bytes, or -1
 */
public record ObjectRef(String url, String etag, long size) {
    /** An object named by a URL alone. */
    public static ObjectRef of(String url) {
        return new ObjectRef(url, null, -1);
    }

    /** What is known of the object before reading it. */
    public ObjectInfo known() {
        return new ObjectInfo(size, etag);
    }

    /** The URL with its secrets masked, and what the listing said. */
    @Override
    public String toString() {
        return "ObjectRef[" + Redaction.text(url) + ", etag=" + etag + ", size=" + size + "]";
    }
}
