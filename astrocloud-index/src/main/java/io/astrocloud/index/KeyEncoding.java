package io.astrocloud.index;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * How an event source encodes object keys. S3 event notifications (direct, through SQS or SNS)
 * and S3's EventBridge events URL-encode keys as HTML forms do: {@code "red flower.jpg"} arrives
 * as {@code "red+flower.jpg"}, and a real {@code +} as {@code %2B}. S3 Batch Operations
 * percent-encode keys (AWS's own examples decode them with {@code unquote}, not
 * {@code unquote_plus}): a {@code +} stays a {@code +}.
 */
public enum KeyEncoding {
    /** {@code application/x-www-form-urlencoded}: {@code +} is a space. */
    FORM,
    /** Percent-encoding only: {@code +} is a plus sign. */
    PERCENT;

    /** The key as stored in S3. */
    public String decode(String encoded) {
        String s = this == PERCENT ? encoded.replace("+", "%2B") : encoded;
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
