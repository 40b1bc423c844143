package io.astrocloud.fits;

import io.astrocloud.source.Redaction;
import java.io.IOException;

/**
 * A file that is not valid FITS where it matters for walking it: no SIMPLE or XTENSION where a
 * header must start, no END, a mandatory keyword missing or absurd, a size that overflows, a
 * header or data segment cut short. The message names the URL (its secrets masked by
 * {@link Redaction}), the HDU and the byte offset.
 */
public class FitsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int hdu;
    private final long offset;

    /**
     * @param url    the object's URL
     * @param hdu    the HDU index (0 for the primary), or -1 when not known
     * @param offset the byte offset of the problem
     * @param detail what is wrong
     */
    public FitsFormatException(String url, int hdu, long offset, String detail) {
        this(url, hdu, offset, detail, null);
    }

    /** The same, with the exception that revealed it. */
    public FitsFormatException(String url, int hdu, long offset, String detail, Throwable cause) {
        super(Redaction.text("invalid FITS: " + url + (hdu >= 0 ? ", HDU " + hdu : "") + ", byte " + offset + ": "
                + detail), cause);
        this.url = url;
        this.hdu = hdu;
        this.offset = offset;
    }

    /** The object's URL. */
    public String url() {
        return url;
    }

    /** The HDU index, or -1. */
    public int hdu() {
        return hdu;
    }

    /** The byte offset of the problem. */
    public long offset() {
        return offset;
    }
}
