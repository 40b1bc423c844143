package io.astrocloud.bench.micro;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole walk of one small multi-extension file held in memory (no network): the walker's own
 * CPU per file in the throughput run, without the client and server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmallFileWalkBenchmark {
    private byte[] file;

    /** Generates the file. */
    @Setup
    public void generate() {
        file = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 3));
    }

    /** Walks its four HDUs. */
    @Benchmark
    public List<Hdu> walk() throws IOException {
        try (HeaderWalk w = HeaderWalk.over(new MemoryRangeSource("mem://small.fits", file), WalkOptions.DEFAULT)) {
            return w.toList();
        }
    }
}
