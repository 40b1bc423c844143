package io.astrocloud.lambda.log;

import io.astrocloud.source.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the function's own AWS credentials out of its log, whatever a library prints at DEBUG: the
 * values of the secret key and session token it runs with are replaced by {@code ***}; then the
 * project's one {@link Redaction} masks any other secret (an {@code X-Amz-Security-Token} header or
 * query parameter, a signature), which is how a token taken from the container credentials endpoint
 * (SnapStart functions get theirs there, not from the environment) would appear in a logged request.
 */
public final class CredentialMask {
    /** What a masked value is replaced with. */
    public static final String MASK = Redaction.MASK;
    /** The variables that hold the function's secrets (Lambda sets them; SnapStart functions may not). */
    public static final List<String> SECRET_VARIABLES = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    private static final int SHORTEST_SECRET = 8;

    private final List<String> secrets;

    private CredentialMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A mask for the secrets {@code env} holds (for example {@code System::getenv}). */
    public static CredentialMask from(UnaryOperator<String> env) {
        List<String> values = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String v = env.apply(name);
            if (v != null && v.length() >= SHORTEST_SECRET) {
                values.add(v);
            }
        }
        return new CredentialMask(List.copyOf(values));
    }

    /** {@code text} with every secret masked. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return Redaction.text(out);
    }
}
