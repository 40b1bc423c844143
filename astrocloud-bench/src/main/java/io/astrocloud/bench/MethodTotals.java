package io.astrocloud.bench;

import java.util.List;

/**
 * One method's measurements added up over a set of files: what it cost to read all their headers.
 *
 * @param method      the method
 * @param files       files it read
 * @param failed      files it failed on
 * @param requests    requests, summed
 * @param rounds      critical-path rounds, summed
 * @param bytes       bytes fetched, summed
 * @param headerBytes header bytes of the files it read
 * @param seconds     median wall times, summed
 */
record MethodTotals(String method, int files, int failed, long requests, long rounds, long bytes, long headerBytes,
                    double seconds) {
    /** The totals of {@code method} over the measurements of {@code files}. */
    static MethodTotals of(String method, List<Measurement> measurements, List<BenchFile> files) {
        int n = 0;
        int failed = 0;
        long requests = 0;
        long rounds = 0;
        long bytes = 0;
        long headers = 0;
        double seconds = 0;
        for (Measurement m : measurements) {
            if (!m.method().equals(method) || !files.contains(m.file())) {
                continue;
            }
            if (!m.ok()) {
                failed++;
                continue;
            }
            n++;
            requests += m.median().requests();
            rounds += m.median().rounds();
            bytes += m.median().bytes();
            headers += m.file().headerBytes();
            seconds += m.median().seconds();
        }
        return new MethodTotals(method, n, failed, requests, rounds, bytes, headers, seconds);
    }
}
