package io.astrocloud.bench;

import io.astrocloud.settings.Defaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a run as BENCHMARKS.md: the setup, the targets, every table, the plot, the defaults chosen. */
final class MarkdownReport {
    private final BenchResults r;
    private final StringBuilder md = new StringBuilder();

    MarkdownReport(BenchResults results) {
        this.r = results;
    }

    /** Writes the report to {@code file}. */
    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(file, render());
    }

    /** The report's text. */
    String render() {
        md.setLength(0);
        header();
        targets();
        largeFiles();
        corpus();
        readAheadSweep();
        throughput();
        memory();
        new DefaultsSection(r).appendTo(md);
        notes();
        return md.toString();
    }

    private void header() {
        BenchSettings s = r.settings();
        MachineInfo m = r.machine();
        line("# Benchmarks");
        line("");
        line("Written by `./astrocloud bench " + ("full".equals(s.profile()) ? "--full" : "--" + s.profile())
                + "` (module `astrocloud-bench`) in one run; every number below comes from that run. "
                + "Timings are wall-clock medians; requests and bytes are counted by the server.");
        line("");
        table("", "");
        row("date", m.date().toString());
        row("machine", Cells.format("%s, %d cores, %.0f GiB", m.cpu(), m.cores(), m.memoryGiB()));
        row("system, Java", m.os() + ", " + m.java());
        row("load average (1 min)", Cells.format("%.2f before the run; during it (its own client and servers "
                + "included) mean %.2f, max %.2f", r.loadBefore(), r.loadDuring()[0], r.loadDuring()[1]));
        row("network", Cells.format("%d ms added to every response (HTTP server and S3 store), bandwidth %s",
                s.latency().toMillis(), s.bandwidthBits() == 0 ? "uncapped (loopback)"
                        : s.bandwidthBits() / 1_000_000 + " Mbit/s per response"));
        row("repetitions", Cells.format("median of %d runs per file and method (%d for whole-file GET and astropy "
                + "on files ≥ 50 MB)", s.runs(), s.slowRuns()));
        row("astropy", r.astropy() == null ? "not compared" : r.astropy() + " (Debian packages), "
                + "`fits.open(url, use_fsspec=True, lazy_load_hdus=True)`, every header");
        row("astro-cloud defaults", Cells.format("read-ahead %,d bytes, prefetch %d predicted headers",
                Defaults.READ_AHEAD, Defaults.PREFETCH));
        row("run time", Cells.time(r.seconds()));
        line("");
        line("Terms: *requests* and *bytes* are what the server answered and sent; *rounds* are the round trips "
                + "on the critical path (requests in flight at the same time count once: astro-cloud's parallel "
                + "prefetches); the *limit* is the header bytes alone and one round per HDU.");
        line("");
        line("![time vs file size per method](" + Benchmark.plotPath(r.settings().out()).getFileName() + ")");
        line("");
    }

    private void targets() {
        line("## Targets (issue 8)");
        line("");
        table("target", "measured", "verdict");
        List<TargetCheck> checks = Targets.check(r);
        for (TargetCheck t : checks) {
            row(t.target(), t.found(), t.verdict());
        }
        line("");
        List<TargetCheck> missed = checks.stream().filter(t -> t.why() != null).collect(Collectors.toList());
        if (!missed.isEmpty()) {
            line("By how much and why:");
            line("");
            for (TargetCheck t : missed) {
                line("- *" + t.target() + "*: " + t.why());
            }
            line("");
        }
    }

    private void largeFiles() {
        List<BenchFile> large = files(true);
        if (large.isEmpty()) {
            return;
        }
        line("## Generated large files");
        line("");
        line("Written sparse: the data segments are holes, so a 44 GB cube costs a few kB of disk but is served "
                + "byte for byte like any file.");
        line("");
        for (BenchFile f : large) {
            line(Cells.format("### %s: %s, %d HDUs, %s header bytes", f.name(), Cells.size(f.size()), f.hdus(),
                    Cells.count(f.headerBytes())));
            line("");
            table("method", "requests", "rounds", "bytes", "bytes / header bytes", "rounds / HDUs", "time");
            for (String method : r.methods()) {
                Measurement m = r.find(f.name(), method);
                if (m == null) {
                    continue;
                }
                if (!m.ok()) {
                    row(method, "failed: " + m.error(), "", "", "", "", "");
                    continue;
                }
                Trial t = m.median();
                String mark = t.estimated() ? " ≈" : "";
                row(method, Cells.count(t.requests()), Cells.count(t.rounds()), Cells.size(t.bytes()) + mark,
                        Cells.ratio(m.byteRatio()), Cells.ratio(m.roundRatio()), Cells.time(t.seconds()) + mark);
            }
            line("");
        }
        line("≈: not downloaded but computed (one request, the whole file, latency + size / bandwidth).");
        line("");
    }

    private void corpus() {
        List<BenchFile> corpus = files(false);
        if (corpus.isEmpty()) {
            return;
        }
        long headers = corpus.stream().mapToLong(BenchFile::headerBytes).sum();
        long size = corpus.stream().mapToLong(BenchFile::size).sum();
        line(Cells.format("## Real files (%d from the corpus)", corpus.size()));
        line("");
        line(Cells.format("Small files written by other projects: %s in all, %s of headers, %d HDUs. "
                        + "Totals over the files each method read:", Cells.size(size), Cells.size(headers),
                corpus.stream().mapToInt(BenchFile::hdus).sum()));
        line("");
        table("method", "files read", "requests", "rounds", "bytes", "bytes / header bytes", "time (sum)");
        for (String method : r.methods()) {
            MethodTotals t = MethodTotals.of(method, r.measurements(), corpus);
            row(method, t.files() + (t.failed() > 0 ? " (" + t.failed() + " failed)" : ""), Cells.count(t.requests()),
                    Cells.count(t.rounds()), Cells.size(t.bytes()),
                    Cells.ratio((double) t.bytes() / Math.max(1, t.headerBytes())), Cells.time(t.seconds()));
        }
        line("");
        List<String> shown = List.of(MethodNames.DEFAULT, MethodNames.BLOCKS, MethodNames.WHOLE_FILE,
                MethodNames.ASTROPY);
        line("Per file (requests / bytes / time):");
        line("");
        List<String> head = new ArrayList<>(List.of("file", "size", "HDUs", "header bytes"));
        head.addAll(shown);
        table(head.toArray(new String[0]));
        for (BenchFile f : corpus) {
            List<String> cells = new ArrayList<>(List.of(f.name(), Cells.size(f.size()), Integer.toString(f.hdus()),
                    Cells.count(f.headerBytes())));
            for (String method : shown) {
                Measurement m = r.find(f.name(), method);
                cells.add(m == null ? "" : !m.ok() ? "failed: " + m.error()
                        : Cells.count(m.median().requests()) + " / " + Cells.size(m.median().bytes()) + " / "
                        + Cells.time(m.median().seconds()));
            }
            row(cells.toArray(new String[0]));
        }
        for (Measurement m : r.measurements()) {
            if (!m.ok() && !m.file().generated() && !shown.contains(m.method())) {
                line("");
                line("- " + m.method() + " failed on " + m.file().name() + ": " + m.error());
            }
        }
        line("");
    }

    private void readAheadSweep() {
        List<String> sweep = r.methods().stream().filter(MethodNames::inReadAheadSweep).collect(Collectors.toList());
        if (sweep.size() < 2) {
            return;
        }
        line("## Read-ahead sweep");
        line("");
        line("astro-cloud with the default (" + Cells.count(Defaults.READ_AHEAD)
                + " bytes) and other read-ahead sizes; everything else default. Per group of files: requests, "
                + "rounds, bytes, time (sum of medians).");
        line("");
        List<String> head = new ArrayList<>(List.of("read-ahead"));
        List<List<BenchFile>> groups = new ArrayList<>();
        for (BenchFile f : files(true)) {
            head.add(f.name());
            groups.add(List.of(f));
        }
        if (!files(false).isEmpty()) {
            head.add(files(false).size() + " corpus files");
            groups.add(files(false));
        }
        table(head.toArray(new String[0]));
        for (String method : sweep) {
            List<String> cells = new ArrayList<>();
            cells.add(method.equals(MethodNames.DEFAULT) ? Cells.count(Defaults.READ_AHEAD) + " (default)"
                    : method.substring(method.lastIndexOf(' ') + 1));
            for (List<BenchFile> g : groups) {
                MethodTotals t = MethodTotals.of(method, r.measurements(), g);
                cells.add(t.failed() > 0 ? "failed" : Cells.count(t.requests()) + " / " + Cells.count(t.rounds())
                        + " / " + Cells.size(t.bytes()) + " / " + Cells.time(t.seconds()));
            }
            row(cells.toArray(new String[0]));
        }
        line("");
    }

    private void throughput() {
        if (r.throughput().isEmpty()) {
            return;
        }
        ThroughputResult first = r.throughput().get(0);
        line("## Throughput: many small files");
        line("");
        line(Cells.format("%,d files of %s (a primary header and three small images), scanned with the many-files "
                        + "API (`HeaderScanner`, as `astrocloud headers s3://bucket/prefix/ --concurrency N`; over S3 "
                        + "the prefix is listed first, within the time), %d ms added to every GET. Client and "
                        + "server share the machine's %d cores.", first.files(), Cells.size(SurveyFiles.size()),
                r.settings().latency().toMillis(), r.machine().cores()));
        line("");
        table("server", "concurrency", "files/s", "failed", "requests/file", "CPU ms/file, this JVM",
                "CPU ms/file, server JVM", "client-only ceiling");
        int cores = r.machine().cores();
        for (ThroughputResult t : r.throughput()) {
            row(t.variant(), Integer.toString(t.concurrency()), Cells.format("%,.0f", t.filesPerSecond()),
                    Integer.toString(t.failed()), Cells.format("%.2f", (double) t.requests() / t.files()),
                    Cells.format("%.2f", t.clientCpuMsPerFile()),
                    t.serverCpu() < 0 ? "(in this JVM)" : Cells.format("%.2f", t.serverCpuMsPerFile()),
                    t.serverCpu() < 0 ? "" : Cells.format("%,.0f files/s", t.clientOnlyCeiling(cores)));
        }
        line("");
        line(Cells.format("*Client-only ceiling* is derived, not measured: %d cores divided by the client's CPU per "
                + "file, the rate the client could reach if the server ran elsewhere (as S3 does) and nothing else "
                + "ran on the machine.", cores));
        line("");
    }

    private void memory() {
        MemoryResult m = r.memory();
        if (m == null) {
            return;
        }
        line("## Memory: the 44 GB cube under -Xmx" + m.maxHeap());
        line("");
        if (m.error() != null) {
            line("The child JVM failed: " + m.error());
            line("");
            return;
        }
        line(Cells.format("A child JVM started with `-Xmx%s` walked the cube over HTTP %d times (%d HDUs and %s "
                        + "fetched per walk).", m.maxHeap(), m.walks(), m.hdus(), Cells.size(m.bytesPerWalk())));
        line("");
        table("heap after GC, first walk", "heap after GC, last walk", "peak heap", "peak RSS");
        row(Cells.size(m.heapAfterFirst()), Cells.size(m.heapAfterLast()), Cells.size(m.peakHeap()),
                Cells.size(m.peakRssKiB() * 1024));
        line("");
    }

    private void notes() {
        line("## Notes");
        line("");
        for (String n : r.notes()) {
            line("- " + n);
        }
        line("- The bandwidth cap applies to each response: sequential readers (astropy, whole-file GET, block by "
                + "block) see exactly the cap; astro-cloud's parallel prefetches could in principle exceed it, but "
                + "they carry headers only (kilobytes).");
        line("- Rounds of astropy+fsspec, whole-file GET and block by block are their requests: they send one at a "
                + "time. astro-cloud's rounds are measured from each request's time in flight.");
        line("- astro-cloud over S3 counts requests and bytes on the client (S3Proxy does not count bytes).");
        line("- The latency is added to responses, not to opening connections: on a real network a new "
                + "connection costs one more round trip, two or three with TLS. A walk's sequential reads share "
                + "one connection (checked by tests through a TCP proxy); astro-cloud's parallel prefetches open "
                + "more, which would add about one round to their part of the critical path.");
        line("");
    }

    private List<BenchFile> files(boolean generated) {
        return r.measurements().stream().map(Measurement::file).filter(f -> f.generated() == generated).distinct()
                .sorted(generated ? Comparator.comparing(BenchFile::name, (a, b) -> 0)
                        : Comparator.comparing(BenchFile::size).reversed())
                .collect(Collectors.toList());
    }

    private void table(String... head) {
        row(head);
        StringBuilder sep = new StringBuilder("|");
        for (int i = 0; i < head.length; i++) {
            sep.append("---|");
        }
        line(sep.toString());
    }

    private void row(String... cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        line(b.toString());
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
