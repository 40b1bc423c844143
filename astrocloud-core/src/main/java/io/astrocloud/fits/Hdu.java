package io.astrocloud.fits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import nom.tam.fits.Header;

/**
 * One header-data unit as the walker found it: where its header and data lie in the object, its
 * header as nom-tam-fits reads it, its cards as astropy lists them and, for a tile-compressed
 * image, the image header astropy shows instead ({@link #compressedImage()}). The data itself is
 * never read. What an HDU means in ObsCore terms depends on its file too (the primary header, the
 * object's size): {@code io.astrocloud.describe.ObsCoreRows} describes a walk's HDUs.
 */
public final class Hdu {
    private final int index;
    private final String type;
    private final long headerOffset;
    private final int headerSize;
    private final long dataSize;
    private final String url;
    private volatile Header header;
    private volatile Optional<CompressedImageHeader> compressedImage;
    private final List<Card> cards;
    private final boolean complete;
    private final byte[] headerBytes;

    /**
     * @param index        0 for the primary HDU, then 1, 2, ...
     * @param type         PRIMARY, or the XTENSION value (IMAGE, BINTABLE, TABLE, ...)
     * @param headerOffset byte offset of the header
     * @param headerSize   header bytes (whole 2880-byte blocks)
     * @param dataSize     data bytes before padding
     * @param url          the object's URL, for messages
     * @param cards        the cards, as astropy lists them
     * @param complete     false when the object ends before this HDU's data does
     * @param headerBytes  the header as stored (at least up to its END card)
     */
    public Hdu(int index, String type, long headerOffset, int headerSize, long dataSize, String url,
               List<Card> cards, boolean complete, byte[] headerBytes) {
        this.index = index;
        this.type = type;
        this.headerOffset = headerOffset;
        this.headerSize = headerSize;
        this.dataSize = dataSize;
        this.url = url;
        this.cards = List.copyOf(cards);
        this.complete = complete;
        this.headerBytes = java.util.Arrays.copyOf(headerBytes, Math.min(headerBytes.length, headerSize));
    }

    /** 0 for the primary HDU, then 1, 2, ... */
    public int index() {
        return index;
    }

    /** PRIMARY, or the extension type from XTENSION (IMAGE, BINTABLE, TABLE, ...). */
    public String type() {
        return type;
    }

    /** Byte offset of the header in the object. */
    public long headerOffset() {
        return headerOffset;
    }

    /** Header size in bytes (a multiple of 2880). */
    public int headerSize() {
        return headerSize;
    }

    /** Byte offset of the data segment. */
    public long dataOffset() {
        return headerOffset + headerSize;
    }

    /** Data size in bytes, before padding (from BITPIX, NAXISn, PCOUNT, GCOUNT). */
    public long dataSize() {
        return dataSize;
    }

    /** Data size padded to a whole number of 2880-byte blocks: what the data occupies in the file. */
    public long paddedDataSize() {
        return DataSize.padded(dataSize);
    }

    /** Offset just past this HDU's padded data: where the next HDU starts. */
    public long end() {
        return dataOffset() + paddedDataSize();
    }

    /**
     * The header as nom-tam-fits reads it, parsed from the stored bytes on first use (a walk that
     * only needs the cards or the offsets never pays for it).
     *
     * @throws UncheckedIOException wrapping a {@link FitsFormatException} when nom-tam-fits cannot
     *                              read a header the walker accepted
     */
    public Header header() {
        Header h = header;
        if (h == null) {
            synchronized (this) {
                if (header == null) {
                    try {
                        header = HeaderParser.parse(headerBytes, headerBytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(new FitsFormatException(url, index, headerOffset,
                                "nom-tam-fits cannot read this header: " + e.getMessage(), e));
                    }
                }
                h = header;
            }
        }
        return h;
    }

    /** The object's URL. */
    public String url() {
        return url;
    }

    /** The cards as astropy lists them, with typed values (see {@link CardParser}). */
    public List<Card> cards() {
        return cards;
    }

    /**
     * The image view of a tile-compressed image ({@code XTENSION = 'BINTABLE'}, {@code ZIMAGE = T}):
     * its image header as astropy's {@code CompImageHDU.header} shows it and how it is stored;
     * empty for every other HDU. Read from the cards on first use, once.
     *
     * @throws UncheckedIOException wrapping a {@link FitsFormatException} (URL, HDU, byte offset)
     *                              when the compression keywords are missing or absurd
     */
    public Optional<CompressedImageHeader> compressedImage() {
        Optional<CompressedImageHeader> view = compressedImage;
        if (view == null) {
            try {
                view = CompressedImageHeader.of(this);
            } catch (FitsFormatException e) {
                throw new UncheckedIOException(e);
            }
            compressedImage = view;
        }
        return view;
    }

    /**
     * The header as astropy's {@code hdu.header} shows it: the image view's cards for a
     * tile-compressed image, else the stored {@link #cards()}.
     *
     * @throws UncheckedIOException as {@link #compressedImage()}
     */
    public List<Card> imageCards() {
        return compressedImage().map(CompressedImageHeader::imageCards).orElse(cards);
    }

    /** The header's 80-character cards exactly as stored, up to and including END. */
    public List<String> cardImages() {
        List<String> images = new java.util.ArrayList<>();
        for (int at = 0; at + 80 <= headerBytes.length; at += 80) {
            String image = new String(headerBytes, at, 80, java.nio.charset.StandardCharsets.ISO_8859_1);
            images.add(image);
            if (image.startsWith("END     ")) {
                break;
            }
        }
        return images;
    }

    /** False when the object ends before this HDU's data does (a truncated file). */
    public boolean complete() {
        return complete;
    }

    /** The first value of {@code keyword}, or null. */
    public Object value(String keyword) {
        for (Card c : cards) {
            if (c.keyword().equals(keyword)) {
                return c.value();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "HDU " + index + " " + type + " header@" + headerOffset + "+" + headerSize + " data@" + dataOffset()
                + "+" + dataSize + (complete ? "" : " (truncated)");
    }
}
