package io.astrocloud.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.RangeSource;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SkyFiles;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU an HDU's ObsCore description costs (the row, then the row as the JSON {@code "obs"}),
 * per HDU, taking the HDUs of a set in turn: every HDU of the real corpus (94 HDUs of 29 files,
 * 7 to 1,158 cards), the generated files with a celestial WCS (a TESS full-frame image with
 * TAN-SIP, HST-like and tile-compressed images) or the small three-extension file of the
 * throughput run. Each HDU is described afresh (the walk's rows are computed once per HDU; this is
 * that once). Run: see astrocloud-bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DescribeBenchmark {
    /** Which HDUs. */
    @Param({"corpus", "generated", "small"})
    public String set;

    private final List<Hdu> hdus = new ArrayList<>();
    private final List<Hdu> primaries = new ArrayList<>();
    private final ObjectInfo object = new ObjectInfo(1_000_000, "\"etag\"");
    private int next;

    /** Walks the set's files in memory. */
    @Setup
    public void walk() throws IOException {
        switch (set) {
            case "corpus":
                for (Path f : Corpus.files()) {
                    add(new FileRangeSource(f));
                }
                break;
            case "generated":
                Path dir = Files.createTempDirectory("describe-bench");
                for (var f : SkyFiles.all().entrySet()) {
                    Path file = dir.resolve(f.getKey());
                    SparseFitsWriter.write(file, f.getValue());
                    add(new FileRangeSource(file));
                    Files.delete(file);
                }
                Files.delete(dir);
                break;
            default:
                add(new MemoryRangeSource("mem://small.fits",
                        SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 3))));
        }
    }

    /** One HDU's row. */
    @Benchmark
    public ObsCore describe() {
        int i = next;
        next = (i + 1) % hdus.size();
        return ObsCoreMapper.describe(hdus.get(i), primaries.get(i), object);
    }

    /** One HDU's row, then as JSON text (what {@code --jsonl --no-cards} adds per HDU). */
    @Benchmark
    public String describeAsJson() {
        ObjectNode obs = FitsJson.obs(describe());
        return FitsJson.text(obs);
    }

    private void add(RangeSource source) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(source, WalkOptions.DEFAULT.withGzip(true))) {
            List<Hdu> file = w.toList();
            for (Hdu h : file) {
                hdus.add(h);
                primaries.add(file.get(0));
            }
        } catch (IOException e) {
            // A corpus file the walker refuses (not FITS, SIMPLE = F) has nothing to describe.
        }
    }
}
