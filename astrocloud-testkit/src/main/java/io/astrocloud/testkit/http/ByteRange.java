package io.astrocloud.testkit.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an object a {@code Range} request header asks for, as object stores read it: one
 * range ({@code bytes=A-B}, {@code bytes=A-}, {@code bytes=-N}), clipped to the object's end.
 *
 * @param first the first byte (inclusive)
 * @param last  the last byte (inclusive)
 */
public record ByteRange(long first, long last) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range {@code header} asks of an object of {@code size} bytes: null when there is no
     * header or one a store would ignore (the whole object), {@link #unsatisfiable()} when it
     * starts at or past the end.
     */
    public static ByteRange of(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        long first;
        long last = size - 1;
        if (m.group(1).isEmpty()) {
            first = Math.max(0, size - Long.parseLong(m.group(2)));
        } else {
            first = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                last = Math.min(size - 1, Long.parseLong(m.group(2)));
            }
        }
        return first >= size || first > last ? new ByteRange(-1, -1) : new ByteRange(first, last);
    }

    /** True when the range starts at or past the object's end (416). */
    public boolean unsatisfiable() {
        return first < 0;
    }

    /** Bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} header for an object of {@code size} bytes. */
    public String contentRange(long size) {
        return unsatisfiable() ? "bytes */" + size : "bytes " + first + "-" + last + "/" + size;
    }
}
