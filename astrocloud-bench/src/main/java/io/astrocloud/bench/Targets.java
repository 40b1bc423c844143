package io.astrocloud.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Checks a run's measurements against the targets of issue 8. */
final class Targets {
    /** The HST-like file, where prediction shows. */
    static final String HST = "hst-wfc3-ir-like.fits";
    private static final double BYTE_TARGET = 1.02;
    private static final int FILES_PER_SECOND_TARGET = 3000;
    private static final int HST_ROUNDS_TARGET = 10;

    private Targets() {
    }

    /** Every target, in the order. */
    static List<TargetCheck> check(BenchResults r) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(bytes(r));
        checks.add(versusAstropy(r));
        checks.add(throughput(r));
        checks.add(hstRounds(r));
        checks.add(memory(r));
        return checks;
    }

    private static List<Measurement> largeDefault(BenchResults r) {
        return r.measurements().stream().filter(m -> m.file().large() && m.method().equals(MethodNames.DEFAULT))
                .collect(Collectors.toList());
    }

    private static TargetCheck bytes(BenchResults r) {
        String target = "bytes fetched ≤ 1.02 × header bytes on files whose data dwarfs the headers";
        List<Measurement> large = largeDefault(r);
        if (large.isEmpty() || large.stream().anyMatch(m -> !m.ok())) {
            return new TargetCheck(target, "large files not measured" + failures(large), null);
        }
        String found = large.stream().map(m -> m.file().name() + " " + Cells.ratio(m.byteRatio()))
                .collect(Collectors.joining(", "));
        return new TargetCheck(target, found, large.stream().allMatch(m -> m.byteRatio() <= BYTE_TARGET));
    }

    private static TargetCheck versusAstropy(BenchResults r) {
        String target = "≥ 10× less wall time and ≥ 100× fewer bytes than astropy+fsspec on files ≥ 50 MB";
        List<String> parts = new ArrayList<>();
        boolean met = true;
        int compared = 0;
        for (Measurement ours : largeDefault(r)) {
            Measurement theirs = r.find(ours.file().name(), MethodNames.ASTROPY);
            if (!ours.ok() || theirs == null || !theirs.ok()) {
                continue;
            }
            double time = theirs.median().seconds() / ours.median().seconds();
            double bytes = (double) theirs.median().bytes() / ours.median().bytes();
            parts.add(ours.file().name() + " " + Cells.times(time) + " time, " + Cells.times(bytes) + " bytes");
            met &= time >= 10 && bytes >= 100;
            compared++;
        }
        return compared == 0 ? new TargetCheck(target, "astropy not compared on large files", null)
                : new TargetCheck(target, String.join("; ", parts), met);
    }

    private static TargetCheck throughput(BenchResults r) {
        String target = "≥ 3,000 files/s on 2 cores at " + r.settings().latency().toMillis() + " ms latency (S3)";
        if (r.throughput().isEmpty()) {
            return new TargetCheck(target, "not measured", null);
        }
        List<String> parts = new ArrayList<>();
        double bestS3 = 0;
        for (String variant : r.throughput().stream().map(ThroughputResult::variant).distinct()
                .collect(Collectors.toList())) {
            ThroughputResult best = best(r.throughput(), variant);
            parts.add(Cells.format("%s: %,.0f files/s at concurrency %d", variant, best.filesPerSecond(),
                    best.concurrency()) + (best.serverCpu() < 0 ? "" : Cells.format(" (client-only ceiling %,.0f)",
                    best.clientOnlyCeiling(r.machine().cores()))));
            if (variant.startsWith("S3")) {
                bestS3 = Math.max(bestS3, best.filesPerSecond());
            }
        }
        return new TargetCheck(target, String.join("; ", parts), bestS3 >= FILES_PER_SECOND_TARGET);
    }

    /** The fastest run of {@code variant}. */
    static ThroughputResult best(List<ThroughputResult> results, String variant) {
        return results.stream().filter(t -> t.variant().equals(variant))
                .max(Comparator.comparingDouble(ThroughputResult::filesPerSecond)).orElseThrow();
    }

    private static TargetCheck hstRounds(BenchResults r) {
        String target = "the 81-HDU HST-like file in ≤ 10 round trips at the critical path";
        Measurement with = r.find(HST, MethodNames.DEFAULT);
        Measurement without = r.find(HST, MethodNames.NO_PREDICTION);
        if (with == null || !with.ok()) {
            return new TargetCheck(target, "not measured" + (with == null ? "" : ": " + with.error()), null);
        }
        String found = Cells.format("%d rounds (%d requests) with prediction", with.median().rounds(),
                with.median().requests());
        if (without != null && without.ok()) {
            found += Cells.format("; %d rounds without", without.median().rounds());
        }
        return new TargetCheck(target, found, with.median().rounds() <= HST_ROUNDS_TARGET);
    }

    private static TargetCheck memory(BenchResults r) {
        String target = "the 44 GB cube walked in constant memory under -Xmx64m";
        MemoryResult m = r.memory();
        if (m == null) {
            return new TargetCheck(target, "not measured", null);
        }
        if (m.error() != null) {
            return new TargetCheck(target, "failed: " + m.error(), false);
        }
        long growth = m.heapAfterLast() - m.heapAfterFirst();
        String found = Cells.format("%d walks: heap after GC %s after the first, %s after the last; peak heap %s,"
                        + " peak RSS %s", m.walks(), Cells.size(m.heapAfterFirst()), Cells.size(m.heapAfterLast()),
                Cells.size(m.peakHeap()), Cells.size(m.peakRssKiB() * 1024));
        return new TargetCheck(target, found, m.hdus() == 3 && growth < 1_000_000);
    }

    private static String failures(List<Measurement> ms) {
        String errors = ms.stream().filter(m -> !m.ok()).map(m -> m.file().name() + ": " + m.error())
                .collect(Collectors.joining("; "));
        return errors.isEmpty() ? "" : " (" + errors + ")";
    }
}
