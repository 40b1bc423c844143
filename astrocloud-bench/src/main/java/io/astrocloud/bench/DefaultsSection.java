package io.astrocloud.bench;

import io.astrocloud.settings.Defaults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "defaults" section of the report: what the read-ahead sweep, the prediction comparison and
 * the concurrency sweep say the defaults should be, from this run's numbers.
 */
final class DefaultsSection {
    private final BenchResults r;

    DefaultsSection(BenchResults results) {
        this.r = results;
    }

    /** Appends the section to {@code md}. */
    void appendTo(StringBuilder md) {
        md.append("## Defaults, from these numbers\n\n");
        readAhead(md);
        prediction(md);
        concurrency(md);
        md.append('\n');
    }

    private void readAhead(StringBuilder md) {
        List<BenchFile> all = r.measurements().stream().map(Measurement::file).distinct().collect(Collectors.toList());
        List<MethodTotals> sweep = new ArrayList<>();
        for (String method : r.methods()) {
            if (MethodNames.inReadAheadSweep(method)) {
                sweep.add(MethodTotals.of(method, r.measurements(), all));
            }
        }
        sweep.removeIf(t -> t.failed() > 0 || t.files() == 0);
        if (sweep.size() < 2) {
            return;
        }
        MethodTotals fastest = sweep.stream().min(Comparator.comparingDouble(MethodTotals::seconds)).orElseThrow();
        MethodTotals current = sweep.stream().filter(t -> t.method().equals(MethodNames.DEFAULT)).findFirst()
                .orElseThrow();
        md.append(Cells.format("- **Read-ahead.** Over all %d files, the default (%,d bytes) took %s in %,d rounds "
                        + "and %s; the fastest setting, %s, took %s in %,d rounds and %s. ", current.files(),
                Defaults.READ_AHEAD, Cells.time(current.seconds()), current.rounds(),
                Cells.size(current.bytes()), fastest.method(), Cells.time(fastest.seconds()), fastest.rounds(),
                Cells.size(fastest.bytes())));
        double gain = 1 - fastest.seconds() / current.seconds();
        List<BenchFile> large = all.stream().filter(BenchFile::large).collect(Collectors.toList());
        MethodTotals fastestLarge = MethodTotals.of(fastest.method(), r.measurements(), large);
        MethodTotals currentLarge = MethodTotals.of(current.method(), r.measurements(), large);
        if (gain < 0.10) {
            md.append(Cells.format("The difference (%.1f%%) is within run-to-run noise: the default stays.\n",
                    100 * gain));
        } else if (!large.isEmpty() && fastestLarge.bytes() > currentLarge.bytes() * 1.02) {
            md.append(Cells.format("That is %.0f%% less time, all of it on small files (one round trip saved per "
                            + "file), but on the %d large files it fetches %s where the default fetches %s (%s vs "
                            + "%s of their header bytes), against the bytes targets above: the default stays. For "
                            + "scans of many small files, `--read-ahead %d` is the faster choice.\n", 100 * gain,
                    large.size(), Cells.size(fastestLarge.bytes()), Cells.size(currentLarge.bytes()),
                    Cells.ratio((double) fastestLarge.bytes() / fastestLarge.headerBytes()),
                    Cells.ratio((double) currentLarge.bytes() / currentLarge.headerBytes()),
                    MethodNames.readAheadOf(fastest.method())));
        } else {
            md.append(Cells.format("That is %.0f%% less time at no cost in bytes on the large files: the default "
                    + "should be %,d.\n", 100 * gain, MethodNames.readAheadOf(fastest.method())));
        }
    }

    private void prediction(StringBuilder md) {
        Measurement with = r.find(Targets.HST, MethodNames.DEFAULT);
        Measurement without = r.find(Targets.HST, MethodNames.NO_PREDICTION);
        if (with == null || without == null || !with.ok() || !without.ok()) {
            return;
        }
        md.append(Cells.format("- **Prediction (prefetch %d).** On the 81-HDU HST-like file: %d rounds and %s with "
                        + "it, %d rounds and %s without, for %s vs %s of bytes.\n", Defaults.PREFETCH,
                with.median().rounds(), Cells.time(with.median().seconds()), without.median().rounds(),
                Cells.time(without.median().seconds()), Cells.size(with.median().bytes()),
                Cells.size(without.median().bytes())));
    }

    private void concurrency(StringBuilder md) {
        for (String variant : r.throughput().stream().map(ThroughputResult::variant).distinct()
                .collect(Collectors.toList())) {
            ThroughputResult best = Targets.best(r.throughput(), variant);
            ThroughputResult atDefault = r.throughput().stream()
                    .filter(t -> t.variant().equals(variant) && t.concurrency() == Defaults.CONCURRENCY).findFirst()
                    .orElse(null);
            md.append(Cells.format("- **Concurrency, %s.** Best %,.0f files/s at %d", variant, best.filesPerSecond(),
                    best.concurrency()));
            if (atDefault != null) {
                md.append(Cells.format("; at the command line's default (%d): %,.0f files/s", Defaults.CONCURRENCY,
                        atDefault.filesPerSecond()));
            }
            md.append(".\n");
        }
    }
}
