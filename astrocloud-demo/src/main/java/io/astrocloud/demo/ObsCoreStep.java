package io.astrocloud.demo;

import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.describe.ObsCoreSummary;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's step that describes the walked files: each HDU's ObsCore row in words, its footprint
 * as STC-S, and, for an image or cube without one, why (the TESS cube's image HDU has no celestial
 * WCS). The rows are those the walks of the step before computed, the same as the command line's
 * {@code "obs"}.
 */
final class ObsCoreStep {
    private final PrintWriter out;
    private final int maxRows;

    /** @param maxRows HDUs shown per file; the rest are counted */
    ObsCoreStep(PrintWriter out, int maxRows) {
        this.out = out;
        this.maxRows = maxRows;
    }

    /** Prints the rows of each file, by URL. */
    void print(Map<String, ObsCoreRows> files) {
        files.forEach((url, rows) -> {
            out.println("      " + url);
            int shown = Math.min(maxRows, rows.hdus().size());
            for (int i = 0; i < shown; i++) {
                row(i, rows.row(i));
            }
            if (shown < rows.hdus().size()) {
                out.printf("        ... %d more HDUs%n", rows.hdus().size() - shown);
            }
        });
    }

    private void row(int index, ObsCore obs) {
        out.printf("        HDU %-2d %s%n", index, ObsCoreSummary.line(obs));
        Optional<String> region = obs.string(ObsCoreColumn.S_REGION);
        if (region.isPresent()) {
            out.println("               s_region " + region.get());
        } else if (obs.string(ObsCoreColumn.DATAPRODUCT_TYPE).isPresent()) {
            out.println("               no sky footprint: " + obs.why(ObsCoreColumn.S_REGION).orElse(""));
        }
    }
}
