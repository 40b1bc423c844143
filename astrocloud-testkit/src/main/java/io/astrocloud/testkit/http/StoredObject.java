package io.astrocloud.testkit.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** An object the test server holds: a file (possibly sparse and huge) or bytes in memory. */
public final class StoredObject {
    private final Path file;
    private final byte[] bytes;
    private final String etag;
    private final String contentType;

    private StoredObject(Path file, byte[] bytes, String etag, String contentType) {
        this.file = file;
        this.bytes = bytes;
        this.etag = etag;
        this.contentType = contentType;
    }

    /** An object backed by a file; the ETag is derived from its size and modification time. */
    public static StoredObject ofFile(Path file) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        return new StoredObject(file, null,
                "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime) + "\"", "application/fits");
    }

    /** An object held in memory; the ETag is derived from its content. */
    public static StoredObject ofBytes(byte[] bytes) {
        return ofBytes(bytes, "application/fits");
    }

    /** An object held in memory with the given content type. */
    public static StoredObject ofBytes(byte[] bytes, String contentType) {
        return new StoredObject(null, bytes.clone(),
                "\"" + Integer.toHexString(Arrays.hashCode(bytes)) + "-" + bytes.length + "\"", contentType);
    }

    /** Size in bytes. */
    public long size() throws IOException {
        return file != null ? Files.size(file) : bytes.length;
    }

    /** The strong ETag, quoted. */
    public String etag() {
        return etag;
    }

    /** The Content-Type the server answers with. */
    public String contentType() {
        return contentType;
    }

    /** Copies {@code length} bytes from {@code offset} to {@code out}, in chunks, through {@code pace}. */
    public void copyTo(OutputStream out, long offset, long length, Pace pace) throws IOException {
        if (bytes != null) {
            int at = (int) offset;
            long left = length;
            while (left > 0) {
                int n = (int) Math.min(left, 64 * 1024);
                pace.beforeWrite(n);
                out.write(bytes, at, n);
                pace.afterWrite(n);
                at += n;
                left -= n;
            }
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            var target = Channels.newChannel(out);
            long at = offset;
            long left = length;
            while (left > 0) {
                buf.clear().limit((int) Math.min(left, buf.capacity()));
                int n = ch.read(buf, at);
                if (n < 0) {
                    throw new IOException("file shorter than expected: " + file);
                }
                buf.flip();
                pace.beforeWrite(n);
                while (buf.hasRemaining()) {
                    target.write(buf);
                }
                pace.afterWrite(n);
                at += n;
                left -= n;
            }
        }
    }

    /** Called around each chunk written, to throttle and count. */
    public interface Pace {
        /** No throttling, no counting. */
        Pace NONE = new Pace() {
            @Override
            public void beforeWrite(int n) {
            }

            @Override
            public void afterWrite(int n) {
            }
        };

        /** Before {@code n} bytes are written. */
        void beforeWrite(int n) throws IOException;

        /** After {@code n} bytes were written. */
        void afterWrite(int n);
    }
}
