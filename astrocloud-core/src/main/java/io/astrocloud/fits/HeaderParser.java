package io.astrocloud.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import nom.tam.fits.FitsFactory;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

/**
 * Parses header bytes (whole 2880-byte blocks ending with the END card) into a nom-tam-fits
 * {@link Header}, with long strings (CONTINUE) and HIERARCH keywords on, and without touching
 * nom-tam-fits' process-wide settings: {@code Header.read} switches long strings on globally
 * when it meets LONGSTRN, so parsing runs under thread-local settings that are dropped after.
 */
public final class HeaderParser {
    private HeaderParser() {
    }

    /**
     * Parses {@code length} bytes of {@code bytes}.
     *
     * @throws IOException if nom-tam-fits cannot read the header
     */
    public static Header parse(byte[] bytes, int length) throws IOException {
        FitsFactory.useThreadLocalSettings(true);
        try {
            FitsFactory.setLongStringsEnabled(true);
            FitsFactory.setUseHierarch(true);
            FitsFactory.setAllowHeaderRepairs(true);
            Header header = new Header();
            try (FitsInputStream in = new FitsInputStream(new ByteArrayInputStream(bytes, 0, length))) {
                header.read(in);
            }
            return header;
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            FitsFactory.useThreadLocalSettings(false);
        }
    }
}
