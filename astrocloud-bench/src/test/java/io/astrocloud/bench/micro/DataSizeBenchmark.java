package io.astrocloud.bench.micro;

import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.DataSize;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The size arithmetic: a data size from parsed cards (the TESS cube's 4-D image) and its padding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataSizeBenchmark {
    private List<Card> image;
    private List<Card> table;
    private long size = 44_032_093_440L;

    /** Parses the headers once. */
    @Setup
    public void parse() {
        byte[] i = SyntheticFits.tessCube().get(1).header();
        byte[] t = SyntheticFits.tessCube().get(2).header();
        image = CardParser.parse(i, i.length);
        table = CardParser.parse(t, t.length);
    }

    /** BITPIX x NAXIS1..4 of an 11-card image header. */
    @Benchmark
    public long imageDataSize() {
        return DataSize.of(image, false);
    }

    /** A 730-card table header: the size keywords are found among many. */
    @Benchmark
    public long tableDataSize() {
        return DataSize.of(table, false);
    }

    /** Rounding up to 2880-byte blocks. */
    @Benchmark
    public long padded() {
        return DataSize.padded(size++);
    }
}
