package io.astrocloud.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that is printed or logged: every error message, log line and endpoint URI
 * goes through {@link #text(String)}. Masked, as {@value #MASK}:
 * <ul>
 *   <li>the values of parameters that sign or authorise a request, wherever they stand in the text
 *       (a URL's query, a percent-encoded URL inside another one, a Camel endpoint URI, an Azure
 *       connection string): presigned S3 URLs ({@code X-Amz-Signature}, {@code X-Amz-Credential},
 *       {@code X-Amz-Security-Token}, and {@code Signature} of the older form), Azure SAS
 *       ({@code sig}), GCS signed URLs ({@code X-Goog-Signature}, {@code X-Goog-Credential}), and
 *       any name containing token, secret, password, key of an account, connection string,
 *       credential or authorization (so a SAS token given whole, {@code sasToken=...}, is masked
 *       whole);</li>
 *   <li>the values of user-supplied HTTP headers given as {@code httpHeader.NAME=VALUE};</li>
 *   <li>the password of a URL's user information ({@code https://user:***@host/}).</li>
 * </ul>
 * What is left (host, path, the other parameters) still says which object a message is about.
 * Written here rather than taken from a library: the JDK has none, and the ones that sanitise
 * URIs (Camel's {@code URISupport}) know neither these parameter names nor percent-encoded nesting.
 */
public final class Redaction {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Parameter names that are secret whatever else they contain (compared in lower case). */
    private static final Set<String> SECRET_NAMES = Set.of("sig", "signature", "awsaccesskeyid");
    /** A parameter whose lower-case name contains one of these is secret. */
    private static final List<String> SECRET_WORDS = List.of("signature", "credential", "token", "secret",
            "password", "accountkey", "sharedaccesskey", "connectionstring", "authorization", "apikey");
    /** How user headers travel in endpoint URIs (lower case). */
    private static final String HEADER_PREFIX = "httpheader.";

    /**
     * {@code NAME=VALUE} where NAME follows the start, a separator or a percent-encoded one, and
     * '=' may be percent-encoded. VALUE is Camel's {@code RAW(...)} or runs to the next separator
     * (a percent-encoded '&' or ';' included, and a ':' or '.' that ends a clause of a message); it
     * may hold a whole encoded URL, which is searched in turn.
     */
    private static final Pattern PARAMETER = Pattern.compile(
            "(^|[?&;\\s(,\"'\\[{]|%3[Ff]|%26|%3[Bb])([A-Za-z0-9_.\\-]+)(=|%3[Dd])"
                    + "(RAW\\([^)]*\\)|RAW\\{[^}]*}|(?:%(?!26|3[Bb])[0-9A-Fa-f]{2}|[:.](?!\\s|$)"
                    + "|[^&%\\s\"'<>#;,)\\]}:.])*)");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@\\s:?#]+:)([^/@\\s?#]+)@");
    /** The start of a header line {@code NAME: VALUE} (as a client logs a request); VALUE runs to the line's end. */
    private static final Pattern HEADER_NAME =
            Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9-]*)(\\s*:[ \\t]*)(?=[^\\s/])");

    private Redaction() {
    }

    /** {@code text} with every secret it holds masked; null stays null. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        masked = headerLines(masked);
        return parameters(masked);
    }

    /**
     * True when a parameter, setting or option called {@code name} holds a secret: a signature,
     * credential, token, key or password, or the value of a user header ({@code httpHeader.NAME}).
     */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_NAMES.contains(lower) || lower.startsWith(HEADER_PREFIX)) {
            return true;
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Headers to print: the names as they are, every value masked (user headers often carry credentials). */
    public static Map<String, String> headers(Map<String, ?> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.keySet().forEach(name -> masked.put(name, MASK));
        return masked;
    }

    private static String headerLines(String text) {
        Matcher m = HEADER_NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int from = 0;
        while (m.find(from)) {
            from = m.end();
            if (isSecretHeader(m.group(1))) {
                int end = m.end();
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                out.append(text, last, m.end()).append(MASK);
                last = end;
                from = end;
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** Authorization, and headers whose names carry a secret (x-amz-security-token, x-goog-signature...). */
    private static boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("authorization") || lower.equals("proxy-authorization")
                || lower.contains("-") && isSecretName(lower);
    }

    private static String parameters(String text) {
        Matcher m = PARAMETER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start());
            String value = m.group(4);
            out.append(m.group(1)).append(m.group(2)).append(m.group(3));
            if (value.isEmpty()) {
                out.append(value);
            } else if (isSecretName(m.group(2))) {
                out.append(MASK);
            } else {
                // A harmless name may hold a whole URL (url=https%3A%2F%2F...%3Fsig%3D...): look inside.
                out.append(parameters(value));
            }
            last = m.end();
        } while (m.find());
        out.append(text, last, text.length());
        return out.toString();
    }
}
