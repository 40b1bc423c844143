package io.astrocloud.bench;

/**
 * The result of one method on one file: the run of median wall time among several, or the error
 * that stopped the method.
 *
 * @param file   the file
 * @param method the method's name
 * @param median the run with the median wall time, or null after an error
 * @param runs   how many runs were timed
 * @param error  why the method failed on this file, or null
 */
public record Measurement(BenchFile file, String method, Trial median, int runs, String error) {
    /** True when the method read the file. */
    public boolean ok() {
        return error == null;
    }

    /** Bytes fetched per header byte (1.0 is the limit). */
    public double byteRatio() {
        return (double) median.bytes() / file.headerBytes();
    }

    /** Critical-path round trips per HDU (1.0 is the sequential floor). */
    public double roundRatio() {
        return (double) median.rounds() / file.hdus();
    }
}
