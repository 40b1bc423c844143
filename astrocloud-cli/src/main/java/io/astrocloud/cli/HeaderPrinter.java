package io.astrocloud.cli;

import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.TransferStats;
import java.io.PrintWriter;
import java.util.List;

/** Prints walks as text: a line per HDU with its offsets and sizes, its 80-character cards, a summary. */
public final class HeaderPrinter {
    private final PrintWriter out;
    private final int maxCards;

    /** @param maxCards cards to print per HDU (0: all) */
    public HeaderPrinter(PrintWriter out, int maxCards) {
        this.out = out;
        this.maxCards = maxCards;
    }

    /** One HDU: its line (index, type, offsets, sizes), then its cards. */
    public void hdu(Hdu h) {
        out.printf("--- HDU %d  %-8s header @%s (%s bytes)  data @%s (%s bytes)%s%n", h.index(), h.type(),
                ByteCount.grouped(h.headerOffset()), ByteCount.grouped(h.headerSize()),
                ByteCount.grouped(h.dataOffset()), ByteCount.grouped(h.dataSize()),
                h.complete() ? "" : "  TRUNCATED");
        List<String> images = h.cardImages();
        int shown = 0;
        for (String image : images) {
            if (maxCards > 0 && shown == maxCards && !image.startsWith("END     ")) {
                out.printf("... %d more cards%n", images.size() - shown - 1);
                break;
            }
            out.println(printable(image).stripTrailing());
            shown++;
        }
    }

    /** The card with bytes that are not printable ASCII (newlines, Latin-1) shown as '?'. */
    private static String printable(String image) {
        StringBuilder b = new StringBuilder(image.length());
        for (int i = 0; i < image.length(); i++) {
            char c = image.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    /** The walk's closing line (HDUs, requests, bytes fetched of the object's size, ETag), then its warnings. */
    public void summary(String url, ObjectInfo object, TransferStats stats, int hdus, List<String> warnings) {
        out.printf("=== %s: %d HDUs, %d requests, %s bytes fetched of %s (%s)%s%n", Redaction.text(url), hdus,
                stats.requests(), ByteCount.grouped(stats.bytesFetched()),
                object.sizeKnown() ? ByteCount.grouped(object.size()) : "unknown size",
                object.sizeKnown() ? ByteCount.human(object.size()) : "?",
                object.etag() == null ? "" : ", ETag " + object.etag());
        for (String w : warnings) {
            out.println("warning: " + w);
        }
    }
}
