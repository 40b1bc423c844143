package io.astrocloud.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs each method on each file several times and keeps the run of median wall time. A method
 * that fails on a file, or finds another number of HDUs than the file has, is reported as such
 * rather than stopping the benchmark.
 */
final class FileRun {
    private final int runs;
    private final int slowRuns;
    private final PrintWriter progress;

    FileRun(BenchSettings settings, PrintWriter progress) {
        this.runs = settings.runs();
        this.slowRuns = settings.slowRuns();
        this.progress = progress;
    }

    /** Every method on every file. */
    List<Measurement> measure(List<BenchFile> files, List<? extends HeaderMethod> methods) {
        List<Measurement> all = new ArrayList<>();
        for (BenchFile f : files) {
            progress.printf("  %-44s", f.name());
            for (HeaderMethod m : methods) {
                Measurement r = measure(f, m);
                all.add(r);
                progress.print(r.ok() ? "." : "x");
                progress.flush();
            }
            progress.println();
        }
        return all;
    }

    /** One method on one file. */
    Measurement measure(BenchFile file, HeaderMethod method) {
        int n = method.slow() && file.large() ? slowRuns : runs;
        List<Trial> trials = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Trial t = method.read(file);
                if (t.hdus() != file.hdus()) {
                    return new Measurement(file, method.name(), null, i + 1,
                            "found " + t.hdus() + " HDUs, the file has " + file.hdus());
                }
                trials.add(t);
                if (t.estimated()) {
                    break;
                }
            }
        } catch (Exception e) {
            return new Measurement(file, method.name(), null, trials.size() + 1, firstLine(e));
        }
        trials.sort(Comparator.comparingLong(Trial::nanos));
        return new Measurement(file, method.name(), trials.get(trials.size() / 2), trials.size(), null);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
