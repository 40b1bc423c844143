package io.astrocloud.source;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What every store's URL parsing shares: signed URLs, query parameters, encoding of object names. */
public final class Urls {
    private Urls() {
    }

    /**
     * True when {@code uri} carries its own authorisation in its query: an S3 presigned URL
     * ({@code X-Amz-Signature}, or {@code Signature} with {@code AWSAccessKeyId}) or a Cloud Storage
     * signed URL ({@code X-Goog-Signature}, or {@code Signature} with {@code GoogleAccessId}). Such
     * a URL is read as plain HTTP, as it is: signing it again with other credentials would break it.
     */
    public static boolean isPresigned(URI uri) {
        String q = uri.getRawQuery();
        if (q == null) {
            return false;
        }
        boolean signature = false;
        boolean accessId = false;
        for (String pair : q.split("&")) {
            String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='))
                    .toLowerCase(Locale.ROOT);
            if (name.equals("x-amz-signature") || name.equals("x-goog-signature")) {
                return true;
            }
            signature |= name.equals("signature");
            accessId |= name.equals("awsaccesskeyid") || name.equals("googleaccessid");
        }
        return signature && accessId;
    }

    /** True for {@code http:} and {@code https:} URLs. */
    public static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The decoded value of the query parameter {@code name}, or null. */
    public static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** Percent-decodes a path or query part, keeping '+' (a plus sign in a path, not a space). */
    public static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Percent-encodes an object name for a URL path, keeping '/' and RFC 3986's unreserved
     * characters (for URLs of objects found under a prefix, in any store).
     */
    public static String encodePath(String key) {
        StringBuilder b = new StringBuilder();
        for (byte c : key.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
