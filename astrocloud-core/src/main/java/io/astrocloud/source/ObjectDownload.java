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
 * whole object, streamed in constant memory. A connection lost mid-body is resumed from the last
 * byte received, with If-Match so the object cannot change underneath. A download to a file goes
 * to {@code FILE.part} (with its ETag in {@code FILE.part.etag}) and is renamed when complete, so a
 * half-written file never carries the final name; running it again resumes the part.
 */
public final class ObjectDownload {
    private static final int CHUNK = 256 * 1024;

    private final RangeSource source;
    private final RetryPolicy retry;
    private final Progress progress;

    /** Told how far a download has got. */
    @FunctionalInterface
    public interface Progress {
        /** @param done bytes so far; @param total bytes in all, or -1 when unknown */
        void update(long done, long total);
    }

    /**
     * @param source   where to read (ETag pinning, if wanted, is the source's: see {@link PinnedSource})
     * @param retry    how often to resume a body that broke off
     * @param progress told after each chunk (may be null)
     */
    public ObjectDownload(RangeSource source, RetryPolicy retry, Progress progress) {
        this.source = source;
        this.retry = retry;
        this.progress = progress == null ? (d, t) -> { } : progress;
    }

    /**
     * Copies bytes {@code [start, end)} to {@code out} ({@code end} -1: to the end of the object).
     *
     * @return the ETag of the object read, or null
     */
    public String copy(long start, long end, OutputStream out) throws IOException {
        long[] position = {start};
        String etag = null;
        int failures = 0;
        while (end < 0 || position[0] < end) {
            long before = position[0];
            try (ObjectStream in = source.open(position[0], etag)) {
                etag = etag != null ? etag : in.object().etag();
                long total = end >= 0 ? end - start : in.object().sizeKnown() ? in.object().size() - start : -1;
                pump(in, out, position, end, start, total);
                if (end < 0 || position[0] >= end
                        || in.object().sizeKnown() && position[0] >= in.object().size()) {
                    return etag;
                }
                throw new SourceException(SourceException.Reason.TRANSIENT, source.url(), position[0],
                        "body ended early");
            } catch (SourceException e) {
                failures = position[0] > before ? 1 : failures + 1;
                if (!e.retryable() || failures >= retry.maxAttempts()) {
                    throw e;
                }
                sleep(retry, failures, e);
            }
        }
        return etag;
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
        RangeSource pinnedSource = pinned == null ? source : new PinnedSource(source, pinned, -1);
        ObjectDownload resumed = new ObjectDownload(pinnedSource, retry, progress);
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
                        ObjectInfo pinnedInfo = pinnedSource instanceof PinnedSource
                                ? ((PinnedSource) pinnedSource).pinned() : null;
                        if (pinnedInfo != null && pinnedInfo.etag() != null) {
                            Files.writeString(tag, pinnedInfo.etag(), StandardCharsets.UTF_8);
                        }
                    }
                }
            };
            resumed.copy(start + have, end, recording);
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

    /** Copies until {@code end} or the end of the body, advancing {@code position[0]} as bytes arrive. */
    private void pump(InputStream in, OutputStream out, long[] position, long end, long start, long total)
            throws IOException {
        byte[] buf = new byte[CHUNK];
        while (end < 0 || position[0] < end) {
            int want = end < 0 ? buf.length : (int) Math.min(buf.length, end - position[0]);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                return;
            }
            out.write(buf, 0, n);
            position[0] += n;
            progress.update(position[0] - start, total);
        }
    }

    private static void sleep(RetryPolicy retry, int attempt, SourceException e) throws IOException {
        try {
            Thread.sleep(retry.delayAfter(attempt, e).toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to resume");
        }
    }
}
