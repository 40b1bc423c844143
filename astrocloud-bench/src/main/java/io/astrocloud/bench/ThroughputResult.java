package io.astrocloud.bench;

/**
 * One scan of the survey files at one concurrency.
 *
 * @param variant     which server and protocol
 * @param concurrency files in flight at most
 * @param files       files scanned
 * @param failed      files that failed
 * @param requests    requests sent by the client
 * @param seconds     wall time, listing included
 * @param clientCpu   CPU seconds of this JVM during the scan (the server's too when it runs in this JVM)
 * @param serverCpu   CPU seconds of the server's own JVM, or -1 when it runs in this one
 */
public record ThroughputResult(String variant, int concurrency, int files, int failed, long requests,
                               double seconds, double clientCpu, double serverCpu) {
    /** Files per second. */
    public double filesPerSecond() {
        return files / seconds;
    }

    /** CPU milliseconds per file in the client's JVM. */
    public double clientCpuMsPerFile() {
        return 1000 * clientCpu / files;
    }

    /** CPU milliseconds per file in the server's own JVM, or -1. */
    public double serverCpuMsPerFile() {
        return serverCpu < 0 ? -1 : 1000 * serverCpu / files;
    }

    /** Files per second the client alone could reach on {@code cores} cores (derived from its CPU per file). */
    public double clientOnlyCeiling(int cores) {
        return cores * 1000 / clientCpuMsPerFile();
    }
}
