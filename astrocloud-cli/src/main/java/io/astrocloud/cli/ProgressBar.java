package io.astrocloud.cli;

import io.astrocloud.source.ObjectDownload;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar drawn on stderr (nothing when disabled: stderr is not a terminal). */
final class ProgressBar implements ObjectDownload.Progress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public void update(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done != total) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String rate = ByteCount.human((long) (done / seconds)) + "/s";
        if (total > 0) {
            int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
            out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%% %s / %s %s   ", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), (int) (100.0 * done / total), ByteCount.human(done),
                    ByteCount.human(total), rate));
        } else {
            out.print("\r" + ByteCount.human(done) + " " + rate + "   ");
        }
        out.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        if (enabled) {
            out.println();
        }
    }
}
