package io.astrocloud.cli;

import io.astrocloud.source.ObjectDownload;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal (nothing when the output is piped). */
final class ProgressBar implements ObjectDownload.Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr when there is a terminal. */
    static ProgressBar onTerminal() {
        return new ProgressBar(System.err, System.console() != null);
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
