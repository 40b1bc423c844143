package io.astrocloud.bench;

import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.s3.TestS3;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The throughput runs: the survey files scanned at each concurrency of the sweep, over S3 with
 * the server in this JVM (listing the prefix, as {@code astrocloud headers s3://bucket/prefix/}
 * does), and, when asked, with S3 and HTTP servers in their own JVM so that the client's CPU is
 * seen apart from the server's. Both share the machine's cores either way.
 */
final class ThroughputSuite {
    /** Files scanned, unmeasured, before each variant's sweep (JIT, connections). */
    private static final int WARM_UP_FILES = 1000;
    private final BenchSettings settings;
    private final PrintWriter progress;

    ThroughputSuite(BenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every variant; {@code s3} is the in-process server the survey files are placed on. */
    List<ThroughputResult> run(TestS3 s3) throws Exception {
        int n = settings.throughputFiles();
        List<ThroughputResult> results = new ArrayList<>();
        progress.printf(Locale.ROOT, "throughput: placing %,d small multi-extension files on S3 ...%n", n);
        progress.flush();
        SurveyFiles.place(s3, n);
        results.addAll(sweep(s3Run("S3, server in this JVM", s3.endpoint(), () -> -1)));
        if (!settings.separateServers()) {
            return results;
        }
        String latency = Long.toString(settings.latency().toMillis());
        try (ChildJvm server = ChildJvm.start(List.of("-Xmx2g"), BenchServerMain.class, "s3", Integer.toString(n),
                latency)) {
            URI endpoint = URI.create(server.await("READY "));
            results.addAll(sweep(s3Run("S3, server in its own JVM", endpoint, server::cpuSeconds)));
        }
        try (ChildJvm server = ChildJvm.start(List.of("-Xmx2g"), BenchServerMain.class, "http", Integer.toString(n),
                latency)) {
            String base = server.await("READY ");
            results.addAll(sweep(httpRun("HTTP, server in its own JVM", base, server::cpuSeconds)));
        }
        return results;
    }

    private List<ThroughputResult> sweep(Function<Integer, ThroughputRun> runs) {
        List<ThroughputResult> results = new ArrayList<>();
        runs.apply(WARM_UP_FILES).scan(64);
        for (int c : settings.concurrencies()) {
            ThroughputResult r = runs.apply(settings.throughputFiles()).scan(c);
            progress.printf(Locale.ROOT, "  %-28s concurrency %4d: %,7.0f files/s (%d failed), CPU %.2f ms/file here%s%n",
                    r.variant(), c, r.filesPerSecond(), r.failed(), r.clientCpuMsPerFile(),
                    r.serverCpu() < 0 ? "" : String.format(Locale.ROOT, ", %.2f ms/file in the server",
                            r.serverCpuMsPerFile()));
            progress.flush();
            results.add(r);
        }
        return results;
    }

    /** A scan of the prefix by listing, as a user of a public bucket does; {@code files} caps it. */
    private static Function<Integer, ThroughputRun> s3Run(String variant, URI endpoint, DoubleSupplier serverCpu) {
        return files -> new ThroughputRun(variant, c -> new SourceResolver(Benchmark.s3Access(endpoint, c)),
                resolver -> limit(ScanTargets.expand(resolver, List.of("s3://" + BenchFiles.BUCKET + "/"
                        + SurveyFiles.PREFIX), FitsNames.DEFAULT), files), serverCpu);
    }

    /** A scan of URLs whose sizes an index gave (as a listing would), over plain HTTP. */
    private static Function<Integer, ThroughputRun> httpRun(String variant, String base, DoubleSupplier serverCpu) {
        long size = SurveyFiles.size();
        return files -> new ThroughputRun(variant, c -> new SourceResolver(AccessOptions.defaults()),
                resolver -> IntStream.range(0, files).mapToObj(i -> {
                    String url = base + "/" + SurveyFiles.key(i);
                    return new ObjectRef(url, null, size);
                }).iterator(), serverCpu);
    }

    private static <T> Iterator<T> limit(Iterator<T> it, int n) {
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < n && it.hasNext();
            }

            @Override
            public T next() {
                taken++;
                return it.next();
            }
        };
    }
}
