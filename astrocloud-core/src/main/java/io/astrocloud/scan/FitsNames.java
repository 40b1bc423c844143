package io.astrocloud.scan;

import java.util.regex.Pattern;

/** Which keys a listing keeps by default: FITS files, compressed or not. */
public final class FitsNames {
    /** {@code .fits .fit .fts .fz}, optionally gzip-compressed, any case. */
    public static final Pattern DEFAULT = Pattern.compile("(?i).*\\.(fits|fit|fts|fz)(\\.gz)?$");

    private FitsNames() {
    }
}
