package io.astrocloud.cli;

import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreSummary;
import io.astrocloud.fits.CompressedImageHeader;
import io.astrocloud.fits.Hdu;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.TransferStats;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Prints walks as text: a line per HDU with its offsets and sizes, a line describing it (its
 * ObsCore row in words), its 80-character cards (for a tile-compressed image, its image header
 * after a line saying how it is stored), a summary.
 */
public final class HeaderPrinter {
    private static final String BLANK_CARD = " ".repeat(80);
    private final PrintWriter out;
    private final int maxCards;
    private final boolean cards;

    /** @param maxCards cards to print per HDU (0: all) */
    public HeaderPrinter(PrintWriter out, int maxCards) {
        this(out, maxCards, true);
    }

    /**
     * @param maxCards cards to print per HDU (0: all)
     * @param cards    false to print each HDU's two lines without its cards
     */
    public HeaderPrinter(PrintWriter out, int maxCards, boolean cards) {
        this.out = out;
        this.maxCards = maxCards;
        this.cards = cards;
    }

    /**
     * One HDU: its line (index, type, offsets, sizes), its row in words ({@link ObsCoreSummary}),
     * then its cards, or for a tile-compressed image how it is stored and its image header.
     */
    public void hdu(Hdu h, ObsCore obs) {
        out.printf("--- HDU %d  %-8s header @%s (%s bytes)  data @%s (%s bytes)%s%n", h.index(), h.type(),
                ByteCount.grouped(h.headerOffset()), ByteCount.grouped(h.headerSize()),
                ByteCount.grouped(h.dataOffset()), ByteCount.grouped(h.dataSize()),
                h.complete() ? "" : "  TRUNCATED");
        out.println("    " + ObsCoreSummary.line(obs));
        Optional<CompressedImageHeader> image;
        try {
            image = h.compressedImage();
        } catch (UncheckedIOException e) {
            out.println("    not readable as a compressed image: " + Redaction.text(e.getCause().getMessage()));
            image = Optional.empty();
        }
        image.ifPresent(view -> out.println("    tile-compressed image, " + view.storedAs()
                + (cards ? "; its image header (--json lists the stored table's as \"cards\"):" : "")));
        if (cards) {
            cards(image.map(CompressedImageHeader::cardImages).orElseGet(h::cardImages), image.isPresent());
        }
    }

    private void cards(List<String> images, boolean view) {
        int last = images.size() - 1;
        int blanks = 0;
        if (view) {
            // The image view keeps the stored table's padding of blank cards, as astropy does: one line says so.
            while (last - blanks - 1 >= 0 && images.get(last - blanks - 1).equals(BLANK_CARD)) {
                blanks++;
            }
        }
        int shown = 0;
        for (int i = 0; i <= last; i++) {
            String image = images.get(i);
            if (maxCards > 0 && shown == maxCards && i != last) {
                out.printf("... %d more cards%n", last - i);
                return;
            }
            if (blanks > 1 && i == last - blanks) {
                out.printf("(%d blank cards)%n", blanks);
                i += blanks - 1;
                continue;
            }
            out.println(image(image));
            shown++;
        }
    }

    /** The card with bytes that are not printable ASCII (newlines, Latin-1) shown as '?', trailing blanks cut. */
    private static String image(String image) {
        StringBuilder b = new StringBuilder(image.length());
        for (int i = 0; i < image.length(); i++) {
            char c = image.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString().stripTrailing();
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
