package io.astrocloud.bench;

/**
 * One read of every header of one file by one method.
 *
 * @param hdus      HDUs the method found
 * @param requests  requests the server answered
 * @param bytes     body bytes the server sent
 * @param rounds    round trips on the critical path (requests overlapping in time count once)
 * @param nanos     wall time
 * @param estimated true when not run but computed (a whole-file GET of 44 GB): requests, bytes and
 *                  time are what the download would cost at the configured latency and bandwidth
 */
public record Trial(int hdus, long requests, long bytes, int rounds, long nanos, boolean estimated) {
    /** Wall time in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }
}
