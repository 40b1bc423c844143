package io.astrocloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The report's plot: wall time against file size per method (log-log), drawn by matplotlib
 * from a CSV of the measurements. Methods shown: the default, no prediction, the original block
 * walk, whole-file GET and astropy (the read-ahead sweep is in the tables).
 */
final class TimePlot {
    private static final List<String> SHOWN = List.of(MethodNames.DEFAULT, MethodNames.NO_PREDICTION,
            MethodNames.S3, MethodNames.BLOCKS, MethodNames.WHOLE_FILE, MethodNames.ASTROPY);
    private final BenchResults r;

    TimePlot(BenchResults results) {
        this.r = results;
    }

    /** Draws the plot at {@code png}; returns a note when it could not. */
    Optional<String> write(Path png, String python, Path scratch) throws IOException, InterruptedException {
        if (python == null) {
            return Optional.of("no plot: no python3 with matplotlib");
        }
        Path csv = scratch.resolve("times.csv");
        StringBuilder b = new StringBuilder("method,file,size,seconds,estimated\n");
        for (Measurement m : r.measurements()) {
            if (m.ok() && SHOWN.contains(m.method())) {
                b.append(Cells.format("\"%s\",\"%s\",%d,%.6f,%b%n", m.method(), m.file().name(), m.file().size(),
                        m.median().seconds(), m.median().estimated()));
            }
        }
        Files.writeString(csv, b);
        Path script = PythonTools.script("plot_times.py", scratch);
        String title = Cells.format("Reading every header: %d ms latency, %s; %s", r.settings().latency().toMillis(),
                r.settings().bandwidthBits() == 0 ? "uncapped" : r.settings().bandwidthBits() / 1_000_000 + " Mbit/s",
                r.machine().date().toString().substring(0, 10));
        Process p = new ProcessBuilder(python, script.toString(), csv.toString(), png.toString(), title)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return Optional.of("the plot failed: " + output.strip());
        }
        return Optional.empty();
    }
}
