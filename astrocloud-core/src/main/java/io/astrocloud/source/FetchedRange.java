package io.astrocloud.source;

/**
 * Bytes read from an object.
 *
 * @param offset      where {@code bytes} start in the object
 * @param bytes       the bytes; shorter than asked only at the object's end
 * @param object      what the response said about the whole object
 * @param transferred bytes that crossed the network for this read (more than {@code bytes}
 *                    when a server ignored Range and the bytes before {@code offset} had to be
 *                    read and dropped)
 */
public record FetchedRange(long offset, byte[] bytes, ObjectInfo object, long transferred) {
    /** The offset just past the last byte. */
    public long end() {
        return offset + bytes.length;
    }
}
