package io.astrocloud.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range} response header ({@code bytes FIRST-LAST/SIZE}), as HTTP, S3, GCS and
 * Azure send it with a 206.
 *
 * @param first the first byte sent
 * @param last  the last byte sent (inclusive)
 * @param size  the whole object's size, or -1 when the server wrote {@code *}
 */
public record ContentRange(long first, long last, long size) {
    private static final Pattern FORMAT = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Parses a header value; null when it is absent or not a byte range. */
    public static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        return new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3)));
    }
}
