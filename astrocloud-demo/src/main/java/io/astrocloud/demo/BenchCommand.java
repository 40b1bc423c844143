package io.astrocloud.demo;

import io.astrocloud.bench.BenchSettings;
import io.astrocloud.bench.Benchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code astrocloud bench}: bytes, round trips and time per file and method against astropy+fsspec,
 * whole-file GET and the block-by-block walk; throughput and memory; written to BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Benchmark astro-cloud against astropy+fsspec, whole-file GET and the block-by-block walk, "
                + "on local HTTP and S3 servers with injected latency; write BENCHMARKS.md and a plot.")
final class BenchCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Profile profile = new Profile();

    /** How much to run. */
    static final class Profile {
        @Option(names = "--quick", description = "Every method and file kind, fewer runs and files (default; minutes).")
        boolean quick;

        @Option(names = "--full", description = "The full run: all corpus files, 10,000 files for throughput, "
                + "more runs, servers in their own JVM too (the numbers for BENCHMARKS.md).")
        boolean full;
    }

    @Option(names = "--latency", paramLabel = "MS", description = "Latency added to every response (default: 20).")
    Long latencyMs;

    @Option(names = "--bandwidth", paramLabel = "MBIT",
            description = "Bandwidth cap per response in Mbit/s, 0 for none (default: 100).")
    Long bandwidthMbit;

    @Option(names = "--no-astropy", description = "Do not compare with astropy+fsspec (nor install it).")
    boolean noAstropy;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
            description = "The report to write; the plot goes beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = profile.full ? BenchSettings.full(out) : BenchSettings.quick(out);
        if (latencyMs != null) {
            settings = settings.withLatency(Duration.ofMillis(latencyMs));
        }
        if (bandwidthMbit != null) {
            settings = settings.withBandwidth(bandwidthMbit * 1_000_000);
        }
        if (noAstropy) {
            settings = settings.withoutAstropy();
        }
        PrintWriter progress = spec.commandLine().getOut();
        new Benchmark(settings, progress).run();
        return 0;
    }
}
