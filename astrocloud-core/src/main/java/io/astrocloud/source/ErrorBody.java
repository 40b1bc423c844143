package io.astrocloud.source;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an error response (S3 XML, HTML, text) and its Retry-After into words for a message. */
final class ErrorBody {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");
    private static final Pattern TITLE = Pattern.compile("(?i)<title>([^<]{1,200})</title>");
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private ErrorBody() {
    }

    /** A short description of an error body: S3's Code and Message, an HTML title, or the text. */
    static String describe(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            Matcher msg = MESSAGE.matcher(text);
            return code.group(1) + (msg.find() ? " - " + msg.group(1) : "");
        }
        Matcher title = TITLE.matcher(text);
        if (title.find()) {
            return "HTML page \"" + title.group(1).trim() + "\"";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        StringBuilder printable = new StringBuilder();
        for (char c : flat.toCharArray()) {
            printable.append(c >= 0x20 && c < 0x7f ? c : '?');
            if (printable.length() >= 200) {
                printable.append("...");
                break;
            }
        }
        return printable.toString();
    }

    /** The S3 error code in a body (SlowDown, NoSuchKey, ...), or null. */
    static String s3Code(byte[] body) {
        if (body == null) {
            return null;
        }
        Matcher code = CODE.matcher(new String(body, StandardCharsets.UTF_8));
        return code.find() ? code.group(1) : null;
    }

    /** Parses Retry-After (seconds or an HTTP date); null if absent or unreadable; capped at 5 minutes. */
    static Duration retryAfter(String value) {
        return retryAfter(value, Clock.systemUTC());
    }

    /** {@link #retryAfter(String)}, an HTTP date counted from {@code clock}'s now. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(clock.instant(), at.toInstant());
            } catch (RuntimeException notDate) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }
}
