package io.astrocloud.bench;

import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Run in a child JVM under {@code -Xmx64m} by {@link MemoryRun}: walks one URL (the 44 GB cube)
 * {@code WALKS} times and prints {@code RESULT} with the heap left after the first and the last
 * walk, the peak heap and the peak resident set. Constant memory shows as equal heaps after 1 and
 * after N walks, whatever the file's size.
 */
public final class MemoryProbeMain {
    private MemoryProbeMain() {
    }

    /** {@code URL WALKS}. */
    public static void main(String[] args) throws IOException {
        String url = args[0];
        int walks = Integer.parseInt(args[1]);
        long afterFirst = 0;
        int hdus = 0;
        long bytes = 0;
        try (SourceResolver resolver = new SourceResolver(AccessOptions.defaults())) {
            for (int i = 0; i < walks; i++) {
                try (HeaderWalk walk = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
                    hdus = walk.toList().size();
                    bytes = walk.stats().bytesFetched();
                }
                if (i == 0) {
                    afterFirst = retainedHeap();
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %d %d %d %d %d %d %d%n", walks, hdus, bytes, afterFirst,
                retainedHeap(), peakHeap(), peakRssKiB());
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long peakRssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
