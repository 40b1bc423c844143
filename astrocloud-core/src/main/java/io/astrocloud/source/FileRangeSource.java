package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Ranged reads of a local file (a mounted bucket, a download, a test fixture). Its ETag is made
 * from the size and modification time, so a file rewritten during a walk is noticed.
 */
public final class FileRangeSource implements RangeSource {
    private final Path file;

    /** @param file the file to read */
    public FileRangeSource(Path file) {
        this.file = file;
    }

    @Override
    public String url() {
        return file.toUri().toString();
    }

    @Override
    public FetchedRange read(RangeRequest r) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ObjectInfo info = info();
            if (r.ifMatch() != null && !r.ifMatch().equals(info.etag())) {
                throw new SourceException(SourceException.Reason.CHANGED, url(), r.offset(),
                        "ETag is now " + info.etag() + ", expected " + r.ifMatch());
            }
            if (r.offset() >= info.size()) {
                throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE, url(), r.offset(),
                        "file has " + info.size() + " bytes");
            }
            int n = (int) Math.min(r.length(), info.size() - r.offset());
            ByteBuffer buf = ByteBuffer.allocate(n);
            while (buf.hasRemaining()) {
                if (ch.read(buf, r.offset() + buf.position()) < 0) {
                    break;
                }
            }
            byte[] bytes = buf.position() == n ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
            return new FetchedRange(r.offset(), bytes, info, bytes.length);
        } catch (NoSuchFileException e) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, url(), r.offset(), "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SourceException(SourceException.Reason.ACCESS_DENIED, url(), r.offset(), "not readable");
        }
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        ObjectInfo info;
        FileChannel ch;
        try {
            info = info();
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, url(), offset, "no such file");
        }
        if (ifMatch != null && !ifMatch.equals(info.etag())) {
            ch.close();
            throw new SourceException(SourceException.Reason.CHANGED, url(), offset,
                    "ETag is now " + info.etag() + ", expected " + ifMatch);
        }
        ch.position(offset);
        InputStream in = Channels.newInputStream(ch);
        return new ObjectStream(in, info);
    }

    private ObjectInfo info() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new ObjectInfo(a.size(),
                "\"" + Long.toHexString(a.size()) + "-" + Long.toHexString(a.lastModifiedTime().toMillis()) + "\"");
    }
}
