package io.astrocloud.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.HeaderText;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Bad and hostile inputs: each fails clearly (URL, HDU, byte offset) or is flagged, never hangs. */
class HostileInputTest {
    private static final String URL = "mem://test.fits";

    private static List<Hdu> walk(byte[] bytes) throws IOException {
        return walk(bytes, WalkOptions.DEFAULT);
    }

    private static List<Hdu> walk(byte[] bytes, WalkOptions options) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, bytes), options)) {
            return w.toList();
        }
    }

    private static HeaderText primary() {
        return new HeaderText().logical("SIMPLE", true, "").integer("BITPIX", 8, "").integer("NAXIS", 0, "")
                .logical("EXTEND", true, "");
    }

    private static HeaderText image(long... axes) {
        HeaderText h = new HeaderText().string("XTENSION", "IMAGE", "").integer("BITPIX", 16, "")
                .integer("NAXIS", axes.length, "");
        for (int i = 0; i < axes.length; i++) {
            h.integer("NAXIS" + (i + 1), axes[i], "");
        }
        return h.integer("PCOUNT", 0, "").integer("GCOUNT", 1, "");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void refusesAnObjectThatIsNotFits() {
        byte[] html = "<html><body>Not here</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> walk(html))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining(URL).hasMessageContaining("HDU 0").hasMessageContaining("byte 0")
                .hasMessageContaining("not a FITS file").hasMessageContaining("<html>");
    }

    @Test
    void refusesAnEmptyObject() {
        assertThatThrownBy(() -> walk(new byte[0])).isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void failsOnAHeaderWithoutEndAtTheEndOfTheObject() {
        byte[] noEnd = Arrays.copyOf(primary().end(), 2880);
        // Blank out the END card: the object ends inside the header.
        String text = new String(noEnd, StandardCharsets.US_ASCII).replace("END     ", "        ");
        assertThatThrownBy(() -> walk(text.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("HDU 0").hasMessageContaining("byte 2880")
                .hasMessageContaining("before its END card");
    }

    @Test
    void stopsAHeaderThatNeverEndsAtTheLimit() {
        HeaderText h = primary();
        byte[] block = new byte[2880];
        Arrays.fill(block, (byte) ' ');
        byte[] first = new String(h.end(), StandardCharsets.US_ASCII).replace("END     ", "        ")
                .getBytes(StandardCharsets.US_ASCII);
        byte[][] parts = new byte[400][];
        parts[0] = first;
        for (int i = 1; i < parts.length; i++) {
            parts[i] = block;
        }
        byte[] endless = concat(parts);
        assertThatThrownBy(() -> walk(endless, WalkOptions.DEFAULT.withMaxHeaderBytes(100 * 2880)))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("no END card within 288000 bytes");
    }

    @Test
    void findsEndOnlyOnACardBoundary() throws IOException {
        String card = "COMMENT this comment says END     in the middle of a card";
        byte[] header = primary().card(card).card("COMMENT       END     is here off the card boundary").end();
        List<Hdu> hdus = walk(header);
        assertThat(hdus).hasSize(1);
        assertThat(hdus.get(0).cards()).hasSize(6);
        // Shift the END card off its boundary by 3 bytes: no valid END remains in the block.
        String shifted = new String(header, StandardCharsets.US_ASCII);
        int end = shifted.indexOf("END     ", 80 * 6 - 1);
        String broken = shifted.substring(0, end) + "   END" + " ".repeat(2880 - end - 6);
        assertThatThrownBy(() -> walk(broken.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FitsFormatException.class).hasMessageContaining("END");
    }

    @Test
    void refusesSizesThatOverflowSixtyFourBits() {
        byte[] file = concat(primary().end(), image(4_000_000_000L, 4_000_000_000L, 4_000_000_000L).end());
        assertThatThrownBy(() -> walk(file))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("HDU 1").hasMessageContaining("byte 2880").hasMessageContaining("overflows");
    }

    @Test
    void refusesNegativeAxesAndAbsurdNaxis() {
        assertThatThrownBy(() -> walk(concat(primary().end(), image(10, -5).end())))
                .isInstanceOf(FitsFormatException.class).hasMessageContaining("NAXIS2 = -5 is negative");
        byte[] naxis1000 = concat(primary().end(), new HeaderText().string("XTENSION", "IMAGE", "")
                .integer("BITPIX", 8, "").integer("NAXIS", 1000, "").end());
        assertThatThrownBy(() -> walk(naxis1000)).isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("NAXIS = 1000 is outside 0..999");
    }

    @Test
    void acceptsNineHundredNinetyNineAxes() throws IOException {
        long[] axes = new long[999];
        Arrays.fill(axes, 1);
        axes[0] = 3;
        byte[] file = concat(primary().end(), image(axes).end(), new byte[2880]);
        List<Hdu> hdus = walk(file);
        assertThat(hdus).hasSize(2);
        assertThat(hdus.get(1).dataSize()).isEqualTo(6);
    }

    @Test
    void flagsDataThatRunsPastTheEndOfTheObject() throws IOException {
        byte[] file = concat(primary().end(), image(100, 100).end(), new byte[2880]);
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, file), WalkOptions.DEFAULT)) {
            List<Hdu> hdus = w.toList();
            assertThat(hdus).hasSize(2);
            assertThat(hdus.get(1).complete()).isFalse();
            assertThat(w.warnings()).anySatisfy(s -> assertThat(s).contains("HDU 1 is truncated"));
        }
    }

    @Test
    void flagsAHeapThatRunsPastTheEndOfTheObject() throws IOException {
        byte[] table = new HeaderText().string("XTENSION", "BINTABLE", "").integer("BITPIX", 8, "")
                .integer("NAXIS", 2, "").integer("NAXIS1", 8, "").integer("NAXIS2", 10, "")
                .integer("PCOUNT", 9_000_000_000_000L, "a heap far past the end").integer("GCOUNT", 1, "")
                .integer("TFIELDS", 1, "").string("TFORM1", "1PB(10)", "").end();
        byte[] file = concat(primary().end(), table, new byte[2880]);
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, file), WalkOptions.DEFAULT)) {
            List<Hdu> hdus = w.toList();
            assertThat(hdus).hasSize(2);
            assertThat(hdus.get(1).dataSize()).isEqualTo(9_000_000_000_080L);
            assertThat(hdus.get(1).complete()).isFalse();
            assertThat(w.warnings()).anySatisfy(s -> assertThat(s).contains("HDU 1 is truncated")
                    .contains("9000000000080 bytes from byte 5760"));
        }
    }

    @Test
    void failsOnAHeaderCutShortByTheEndOfTheObject() {
        byte[] full = concat(primary().end(), image(2, 2).end());
        byte[] cut = Arrays.copyOf(full, 2880 + 1000);
        assertThatThrownBy(() -> walk(cut)).isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("HDU 1").hasMessageContaining("byte 3880");
    }

    @Test
    void failsOnGarbageWhereAnExtensionShouldStart() {
        byte[] garbage = new byte[2880];
        Arrays.fill(garbage, (byte) 'x');
        assertThatThrownBy(() -> walk(concat(primary().end(), garbage)))
                .isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("HDU 1").hasMessageContaining("byte 2880").hasMessageContaining("XTENSION");
    }

    @Test
    void toleratesZeroPaddingAfterTheLastHdu() throws IOException {
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, concat(primary().end(), new byte[5760])),
                WalkOptions.DEFAULT)) {
            assertThat(w.toList()).hasSize(1);
            assertThat(w.warnings()).singleElement().asString().contains("padding");
        }
    }

    @Test
    void readsNonAsciiBytesAsQuestionMarks() throws IOException {
        byte[] header = primary().string("OBSERVER", "Jose", "").end();
        String text = new String(header, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Jose") + 3;
        header[at] = (byte) 0xe9; // Latin-1 e acute
        List<Hdu> hdus = walk(header);
        assertThat(hdus.get(0).value("OBSERVER")).isEqualTo("Jos?");
    }

    @Test
    void walksThousandsOfBlankCards() throws IOException {
        HeaderText h = primary();
        for (int i = 0; i < 5000; i++) {
            h.card("");
        }
        h.string("LAST", "here", "");
        List<Hdu> hdus = walk(h.end());
        assertThat(hdus.get(0).value("LAST")).isEqualTo("here");
        assertThat(hdus.get(0).headerSize()).isEqualTo((5005 / 36 + 1) * 2880);
    }

    @Test
    void refusesGzipWithoutTheOptionAndStreamsItWithIt() throws IOException {
        byte[] plain = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 3));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        assertThatThrownBy(() -> walk(gz.toByteArray())).isInstanceOf(FitsFormatException.class)
                .hasMessageContaining("gzip-compressed");
        List<Hdu> hdus = walk(gz.toByteArray(), WalkOptions.DEFAULT.withGzip(true));
        assertThat(hdus).hasSize(4);
        assertThat(hdus.get(0).value("SEQNUM")).isEqualTo(7L);
        assertThat(hdus.get(3).dataOffset()).isEqualTo(hdus.get(2).end() + 2880);
    }

    @Test
    void costsOneRequestForThePrimaryHeaderOnly() throws IOException {
        byte[] file = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(1, 3));
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, file),
                WalkOptions.DEFAULT.withReadAhead(2880))) {
            TransferStats stats = w.stats();
            Hdu first = w.next();
            assertThat(first.index()).isZero();
            assertThat(stats.requests()).isEqualTo(1);
            assertThat(stats.bytesFetched()).isEqualTo(2880);
        }
    }

    @Test
    void yieldsNothingMoreAfterAnError() {
        byte[] file = concat(primary().end(), image(10, -1).end());
        HeaderWalk w = HeaderWalk.over(new MemoryRangeSource(URL, file), WalkOptions.DEFAULT);
        assertThatThrownBy(w::toList).isInstanceOf(FitsFormatException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(w::toList)).isNull();
    }
}
