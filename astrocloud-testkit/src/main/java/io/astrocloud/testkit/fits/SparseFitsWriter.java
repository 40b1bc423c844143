package io.astrocloud.testkit.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes HDUs to a file: each header, then its data segment as a hole (zeros the file system
 * does not store), padded to 2880 bytes. The file's apparent size is exact; its disk use is the
 * headers.
 */
public final class SparseFitsWriter {
    private SparseFitsWriter() {
    }

    /** Writes {@code hdus} to {@code file}, replacing it, and returns the file's size. */
    public static long write(Path file, List<HduSpec> hdus) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            long offset = 0;
            for (HduSpec hdu : hdus) {
                writeFully(ch, ByteBuffer.wrap(hdu.header()), offset);
                offset += hdu.header().length + hdu.paddedDataSize();
            }
            if (ch.size() < offset) {
                // The last data segment is a hole too: one zero byte at the end sets the length.
                writeFully(ch, ByteBuffer.wrap(new byte[1]), offset - 1);
            }
            return offset;
        }
    }

    /** Writes {@code hdus} into memory (for small files only). */
    public static byte[] toBytes(List<HduSpec> hdus) {
        long total = 0;
        for (HduSpec hdu : hdus) {
            total += hdu.header().length + hdu.paddedDataSize();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too large for memory: " + total + " bytes");
        }
        byte[] out = new byte[(int) total];
        int offset = 0;
        for (HduSpec hdu : hdus) {
            System.arraycopy(hdu.header(), 0, out, offset, hdu.header().length);
            offset += hdu.header().length + (int) hdu.paddedDataSize();
        }
        return out;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            position += ch.write(buf, position);
        }
    }
}
