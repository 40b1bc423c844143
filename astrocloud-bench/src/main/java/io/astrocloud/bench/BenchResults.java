package io.astrocloud.bench;

import java.util.List;

/**
 * Everything one run measured, as the report shows it.
 *
 * @param settings     what was run
 * @param machine      where
 * @param loadBefore   the 1-minute load average before the run
 * @param loadDuring   the mean and the highest load average sampled during the run ({@code [mean, max]})
 * @param methods      the per-file methods in table order
 * @param measurements every method on every file
 * @param throughput   the throughput runs
 * @param memory       the constant-memory probe, or null when skipped
 * @param astropy      the versions astropy+fsspec reported, or null when not compared
 * @param notes        things the reader must know (skipped parts and why)
 * @param seconds      how long the run took
 */
public record BenchResults(BenchSettings settings, MachineInfo machine, double loadBefore, double[] loadDuring,
                           List<String> methods, List<Measurement> measurements,
                           List<ThroughputResult> throughput, MemoryResult memory, String astropy,
                           List<String> notes, double seconds) {
    /** The measurement of {@code method} on the file named {@code file}, or null. */
    public Measurement find(String file, String method) {
        for (Measurement m : measurements) {
            if (m.file().name().equals(file) && m.method().equals(method)) {
                return m;
            }
        }
        return null;
    }
}
