package io.astrocloud.index;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The search form of a name (OBJECT, TARGNAME, INSTRUME, TELESCOP, FILTER): the one
 * normalisation that the index's keys and every query use, so that {@code NGC 1316},
 * {@code ngc1316} and {@code NGC-1316} are one target and {@code HST} one telescope.
 *
 * <p>Rules, in order: Unicode compatibility decomposition (NFKD) with the combining marks dropped
 * ({@code é} is {@code e}); lower case (locale-independent); letters and digits kept, everything
 * else dropped (spaces, punctuation, underscores), except a {@code +} or {@code -} written between
 * two digits, as in coordinate names ({@code GRS 1915+105} is {@code grs1915+105}, which stays
 * distinct from {@code GRS 1915-105}; {@code NGC-6397} is {@code ngc6397}). A name with no letter or
 * digit has no key. The exact value is kept beside the key (the ObsCore column).
 */
public final class NameKey {
    private NameKey() {
    }

    /** The key of {@code name}, or empty when it has no letter or digit (or is null). */
    public static Optional<String> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            } else if ((c == '+' || c == '-') && i > 0 && i + 1 < decomposed.length()
                    && Character.isDigit(decomposed.charAt(i - 1)) && Character.isDigit(decomposed.charAt(i + 1))) {
                key.append(c);
            }
        }
        return key.length() == 0 ? Optional.empty() : Optional.of(key.toString());
    }
}
