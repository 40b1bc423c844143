package io.astrocloud.bench;

import com.sun.management.OperatingSystemMXBean;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.scan.HeaderScanner;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.source.SourceResolver;
import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Scans the survey files with the many-files API ({@link HeaderScanner}, as {@code astrocloud
 * headers PREFIX --concurrency N} does) and measures files per second and CPU per file.
 */
final class ThroughputRun {
    private final String variant;
    private final Function<Integer, SourceResolver> resolvers;
    private final Function<SourceResolver, Iterator<ObjectRef>> objects;
    private final DoubleSupplier serverCpu;

    /**
     * @param variant   the server and protocol, for the report
     * @param resolvers a resolver sized for a concurrency (its clients are what a user's would be)
     * @param objects   the files to scan, listed or named through a resolver
     * @param serverCpu CPU seconds of the server's own process so far (-1 when it runs in this JVM)
     */
    ThroughputRun(String variant, Function<Integer, SourceResolver> resolvers,
                  Function<SourceResolver, Iterator<ObjectRef>> objects, DoubleSupplier serverCpu) {
        this.variant = variant;
        this.resolvers = resolvers;
        this.objects = objects;
        this.serverCpu = serverCpu;
    }

    /** One scan of every file at {@code concurrency}. */
    ThroughputResult scan(int concurrency) {
        try (SourceResolver resolver = resolvers.apply(concurrency);
             HeaderScanner scanner = new HeaderScanner(resolver, WalkOptions.DEFAULT, concurrency)) {
            double server0 = serverCpu.getAsDouble();
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            int files = 0;
            int failed = 0;
            long requests = 0;
            try (Stream<ScanResult> results = scanner.scan(objects.apply(resolver))) {
                for (Iterator<ScanResult> it = results.iterator(); it.hasNext(); ) {
                    ScanResult r = it.next();
                    files++;
                    failed += r.ok() ? 0 : 1;
                    requests += r.stats().requests();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double clientCpu = (processCpuNanos() - cpu0) / 1e9;
            double server = server0 < 0 ? -1 : serverCpu.getAsDouble() - server0;
            return new ThroughputResult(variant, concurrency, files, failed, requests, seconds, clientCpu, server);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
