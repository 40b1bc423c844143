package io.astrocloud.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run measures and how hard: the network it simulates, how many times each
 * measurement is repeated, how many files the throughput run scans, which read-ahead sizes and
 * concurrencies are swept.
 *
 * @param profile           "quick", "full" or "tiny" (the smoke test), as the report names it
 * @param latency           added to every response, one round trip's worth
 * @param bandwidthBits     bits per second per response, 0 for no cap
 * @param runs              repetitions per file and method (the median is reported)
 * @param slowRuns          repetitions for methods that move whole files or megabytes (whole-file GET,
 *                          astropy) on files over 50 MB
 * @param corpusFiles       how many corpus files to include (0: none; a large number: all)
 * @param largeFiles        include the generated large files (the 44 GB cube, the HST file, ...)
 * @param readAheads        read-ahead sizes swept, besides the default
 * @param wholeFileLimit    the largest file whole-file GET really downloads; beyond, its cost is computed
 * @param throughputFiles   small multi-extension files scanned in the throughput run
 * @param concurrencies     concurrencies swept in the throughput run
 * @param separateServers   also run the throughput against servers in their own JVM
 * @param memoryWalks       walks of the 44 GB cube in the -Xmx64m child JVM (0: skip)
 * @param astropy           compare with astropy+fsspec when python3 has it
 * @param installTools      install astropy, fsspec, aiohttp and matplotlib with apt-get when missing
 * @param out               the Markdown report to write (the plot goes beside it)
 */
public record BenchSettings(String profile, Duration latency, long bandwidthBits, int runs, int slowRuns,
                            int corpusFiles, boolean largeFiles, List<Integer> readAheads, long wholeFileLimit,
                            int throughputFiles, List<Integer> concurrencies, boolean separateServers,
                            int memoryWalks, boolean astropy, boolean installTools, Path out) {
    /** Latency by default: 20 ms, a same-region object store seen from a VM. */
    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(20);
    /** Bandwidth by default: 100 Mbit/s, as in the astropy figures of issue 8. */
    public static final long DEFAULT_BANDWIDTH_BITS = 100_000_000L;

    /** Everything, at the sizes the issue asks for: the numbers that go into BENCHMARKS.md. */
    public static BenchSettings full(Path out) {
        return new BenchSettings("full", DEFAULT_LATENCY, DEFAULT_BANDWIDTH_BITS, 5, 3, Integer.MAX_VALUE, true,
                List.of(2880, 5760, 11520, 16384, 17280, 32768, 65536, 262144), 2L << 30, 10_000,
                List.of(16, 32, 64, 128, 256, 512), true, 200, true, true, out);
    }

    /** Every method and file kind, fewer repetitions and files: a few minutes. */
    public static BenchSettings quick(Path out) {
        return new BenchSettings("quick", DEFAULT_LATENCY, DEFAULT_BANDWIDTH_BITS, 3, 1, 8, true,
                List.of(2880, 65536), 64L << 20, 2_000, List.of(32, 128), false, 20, true, true, out);
    }

    /**
     * Seconds: every method on a few small files, a tiny throughput run (the smoke test). Compares
     * with astropy only where it is installed already: a test installs nothing.
     */
    public static BenchSettings tiny(Path out) {
        return new BenchSettings("tiny", Duration.ofMillis(2), 0, 1, 1, 3, false, List.of(2880), 64L << 20, 40,
                List.of(4), false, 0, true, false, out);
    }

    /** The same settings with another latency. */
    public BenchSettings withLatency(Duration d) {
        return new BenchSettings(profile, d, bandwidthBits, runs, slowRuns, corpusFiles, largeFiles, readAheads,
                wholeFileLimit, throughputFiles, concurrencies, separateServers, memoryWalks, astropy, installTools, out);
    }

    /** The same settings with another bandwidth cap (bits per second, 0: none). */
    public BenchSettings withBandwidth(long bits) {
        return new BenchSettings(profile, latency, bits, runs, slowRuns, corpusFiles, largeFiles, readAheads,
                wholeFileLimit, throughputFiles, concurrencies, separateServers, memoryWalks, astropy, installTools, out);
    }

    /** The same settings without the astropy comparison. */
    public BenchSettings withoutAstropy() {
        return new BenchSettings(profile, latency, bandwidthBits, runs, slowRuns, corpusFiles, largeFiles, readAheads,
                wholeFileLimit, throughputFiles, concurrencies, separateServers, memoryWalks, false, installTools, out);
    }

    /** Bytes per second per response, 0 for no cap. */
    public long bandwidthBytes() {
        return bandwidthBits / 8;
    }
}
