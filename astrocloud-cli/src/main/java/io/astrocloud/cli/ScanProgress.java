package io.astrocloud.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line account of a scan on stderr: files done, files per second, bytes, errors. */
final class ScanProgress {
    private final PrintWriter out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long files;
    private long bytes;
    private long errors;

    ScanProgress(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void fileDone(long fileBytes, boolean failed) {
        files++;
        bytes += fileBytes;
        if (failed) {
            errors++;
        }
        draw(false);
    }

    void finish() {
        draw(true);
        if (enabled) {
            out.println();
        }
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    double seconds() {
        return Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!enabled || (!force && now - lastDraw < 200_000_000L)) {
            return;
        }
        lastDraw = now;
        out.print(String.format(Locale.ROOT, "\r%,d files  %.0f files/s  %s fetched  %d errors   ", files,
                files / seconds(), ByteCount.human(bytes), errors));
        out.flush();
    }
}
