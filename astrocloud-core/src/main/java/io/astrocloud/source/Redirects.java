package io.astrocloud.source;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one redirect step of the HTTP source, as OkHttp's follow-up step: the JDK client is built
 * with {@link java.net.http.HttpClient.Redirect#NEVER} (it would send every header, Authorization
 * included, to whatever host a redirect names), and each 301, 302, 303, 307 or 308 is followed
 * here. At most {@value #MAX_HOPS} hops; the caller's headers (and with them Authorization and
 * cookies) go only to the origin they were given for, and are dropped for good once a redirect
 * leaves it (another scheme, host or port); a redirect from HTTPS to HTTP is refused. The request's
 * own headers (Range, If-Match) go on to every hop: the object is the same.
 */
final class Redirects {
    /** Redirects followed before giving up (a loop, or a chain too long to be an object store's). */
    static final int MAX_HOPS = 5;

    private Redirects() {
    }

    /**
     * Where a request goes, with which of the caller's headers, after how many redirects.
     *
     * @param uri         where to send the request
     * @param userHeaders the caller's headers still to be sent (empty once a redirect left their origin)
     * @param redirects   redirects followed to get here
     */
    record Hop(URI uri, Map<String, String> userHeaders, int redirects) {
        /** The first request: the object's URL with all the caller's headers. */
        static Hop first(URI uri, Map<String, String> userHeaders) {
            return new Hop(uri, Map.copyOf(userHeaders), 0);
        }
    }

    /** True for the statuses followed: 301, 302, 303, 307, 308. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The hop after {@code from} answered the redirect {@code status}.
     *
     * @param url    the object's URL, for messages
     * @param offset the byte offset being read, for messages
     * @throws SourceException {@code NOT_AN_OBJECT} past {@value #MAX_HOPS} redirects or without a
     *                         usable Location; {@code REJECTED} from HTTPS to HTTP or to another scheme
     */
    static Hop next(Hop from, int status, HttpHeaders headers, String url, long offset) throws SourceException {
        String location = headers.firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url, offset, status, null,
                    "redirect without a Location", null);
        }
        if (from.redirects() >= MAX_HOPS) {
            throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url, offset, status, null,
                    "redirect loop: more than " + MAX_HOPS + " redirects (the last to " + location + ")", null);
        }
        URI next;
        try {
            next = from.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new SourceException(SourceException.Reason.NOT_AN_OBJECT, url, offset, status, null,
                    "redirect to an unreadable Location: " + location, null);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
            throw new SourceException(SourceException.Reason.REJECTED, url, offset, status, null,
                    "refused redirect to " + location + ": only http and https URLs are followed", null);
        }
        if (isHttps(from.uri()) && scheme.equals("http")) {
            throw new SourceException(SourceException.Reason.REJECTED, url, offset, status, null,
                    "refused redirect from HTTPS to HTTP (" + next + "): it would send the request in clear", null);
        }
        Map<String, String> kept = sameOrigin(from.uri(), next) ? from.userHeaders() : Map.of();
        return new Hop(next, kept, from.redirects() + 1);
    }

    /** True when {@code a} and {@code b} have the same scheme, host and port (default ports filled in). */
    static boolean sameOrigin(URI a, URI b) {
        return lower(a.getScheme()).equals(lower(b.getScheme())) && lower(a.getHost()).equals(lower(b.getHost()))
                && port(a) == port(b);
    }

    /** The port of {@code u}, or its scheme's default (443 for https, else 80). */
    static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return isHttps(u) ? 443 : 80;
    }

    private static boolean isHttps(URI u) {
        return "https".equalsIgnoreCase(u.getScheme());
    }

    private static String lower(String s) {
        return Objects.toString(s, "").toLowerCase(Locale.ROOT);
    }
}
