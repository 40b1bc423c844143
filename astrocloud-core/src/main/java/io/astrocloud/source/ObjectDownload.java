package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Plain downloads with the same sources, credentials and retries as the walker: a byte range or a
 * whole object, streamed in constant memory. Retries are the source's, done once
 * ({@code RetryingSource}, which also resumes a body lost mid-way from the last byte received, with
 * If-Match so the object cannot change underneath): nothing here tries again. A download to a file
 * goes to {@code FILE.part} (with its ETag in {@code FILE.part.etag}) and is renamed when complete,
 * so a half-written file never carries the final name; running it again resumes the part.
 */
public final class ObjectDownload {
    private static final int CHUNK = 256 * 1024;

    private final OpenedObject source;
    private final Progress progress;

    /** Told how far a download has got. */
    @FunctionalInterface
    public interface Progress {
        /** @param done bytes so far; @param total bytes in all, or -1 when unknown */
        void update(long done, long total);
    }

    /**
     * @param source   the object to read: retries and ETag pinning are its own
     *                 ({@link SourceResolver#open})
     * @param progress told after each chunk (may be null)
     */
    public ObjectDownload(OpenedObject source, Progress progress) {
        this.source = source;
        this.progress = progress == null ? (d, t) -> { } : progress;
    }

    /**
     * Copies bytes {@code [start, end)} to {@code out} ({@code end} -1: to the end of the object).
     *
     * @return the ETag of the object read, or null
     */
    public String copy(long start, long end, OutputStream out) throws IOException {
        try (ObjectStream in = source.open(start, null)) {
            ObjectInfo object = in.object();
            long total = end >= 0 ? end - start : object.sizeKnown() ? object.size() - start : -1;
            long reached = pump(in, out, start, end, total);
            if (end >= 0 && reached < end && !(object.sizeKnown() && reached >= object.size())) {
                throw new SourceException(SourceException.Reason.TRANSIENT, source.url(), reached,
                        "body ended before byte " + end + " of an object of unknown size");
            }
            return object.etag();
        }
    }

    /**
     * Downloads the object (or {@code [start, end)} of it) to {@code file}: into {@code file.part}
     * first, resuming a part left by an earlier run of the same object, then renamed.
     *
     * @return bytes in the finished file
     */
    public long toFile(Path file, long start, long end) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Path tag = file.resolveSibling(file.getFileName() + ".part.etag");
        long have = 0;
        String pinned = null;
        if (Files.exists(part) && Files.exists(tag)) {
            have = Files.size(part);
            pinned = Files.readString(tag, StandardCharsets.UTF_8).strip();
        } else {
            Files.deleteIfExists(part);
        }
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            OutputStream recording = new OutputStream() {
                private boolean tagged = Files.exists(tag);

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    if (!tagged) {
                        tagged = true;
                        String etag = source.pin().etag();
                        if (etag != null) {
                            Files.writeString(tag, etag, StandardCharsets.UTF_8);
                        }
                    }
                }
            };
            if (pinned != null) {
                source.expect(pinned);
            }
            copy(start + have, end, recording);
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.CHANGED) {
                // The part belongs to an older version of the object: it cannot be resumed.
                Files.deleteIfExists(part);
                Files.deleteIfExists(tag);
            }
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(tag);
        return Files.size(file);
    }

    /** Copies from {@code start} until {@code end} or the end of the body; returns the offset reached. */
    private long pump(InputStream in, OutputStream out, long start, long end, long total) throws IOException {
        byte[] buf = new byte[CHUNK];
        long position = start;
        while (end < 0 || position < end) {
            int want = end < 0 ? buf.length : (int) Math.min(buf.length, end - position);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            position += n;
            progress.update(position - start, total);
        }
        return position;
    }
}
