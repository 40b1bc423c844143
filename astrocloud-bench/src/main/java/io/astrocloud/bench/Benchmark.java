package io.astrocloud.bench;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.settings.Defaults;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One benchmark run, as {@code ./astrocloud bench} starts it: serves the files over HTTP and S3
 * with the configured latency, measures every method on every file, the throughput of many small
 * files and the memory of the 44 GB cube under {@code -Xmx64m}, then writes BENCHMARKS.md and
 * the plot.
 */
public final class Benchmark {
    private final BenchSettings settings;
    private final PrintWriter progress;
    private final List<String> notes = new ArrayList<>();

    /** @param settings what to run; @param progress where to say what is happening */
    public Benchmark(BenchSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs everything and writes the report; returns what was measured. */
    public BenchResults run() throws Exception {
        long start = System.nanoTime();
        MachineInfo machine = MachineInfo.now();
        Path scratch = Files.createTempDirectory("astrocloud-bench");
        try (LoadMonitor load = new LoadMonitor()) {
            say("astro-cloud benchmark (%s): latency %d ms, bandwidth %s, load average %.2f", settings.profile(),
                    settings.latency().toMillis(), settings.bandwidthBits() == 0 ? "uncapped"
                            : settings.bandwidthBits() / 1_000_000 + " Mbit/s per response", load.atStart());
            String python = python();
            PerFile perFile = perFile(scratch, python);
            MemoryResult memory = memory(perFile.cubeUrl);
            List<ThroughputResult> throughput = new ThroughputSuite(settings, progress).run(perFile.s3);
            perFile.close();
            BenchResults results = new BenchResults(settings, machine, load.atStart(),
                    new double[] {load.mean(), load.max()}, perFile.methods, perFile.measurements, throughput, memory,
                    perFile.astropy, List.copyOf(notes), (System.nanoTime() - start) / 1e9);
            new MarkdownReport(results).write(settings.out());
            say("wrote %s", settings.out());
            new TimePlot(results).write(plotPath(settings.out()), python, scratch).ifPresent(this::note);
            return results;
        } finally {
            deleteTree(scratch);
        }
    }

    /** Where the plot goes: beside the report. */
    public static Path plotPath(Path report) {
        Path dir = report.toAbsolutePath().getParent();
        return dir.resolve("benchmarks-time-vs-size.png");
    }

    private String python() {
        if (!settings.astropy()) {
            note("astropy+fsspec not compared (switched off for this run)");
            return null;
        }
        say("checking python3 with astropy, fsspec, aiohttp, matplotlib ...");
        PythonTools tools = PythonTools.ensure(settings.installTools(), progress);
        if (tools.python() == null) {
            note("astropy+fsspec not compared and no plot drawn: " + tools.note());
        }
        return tools.python();
    }

    /** The servers, files and methods of the per-file tables, and what they measured. */
    private final class PerFile implements AutoCloseable {
        final RangeHttpServer http;
        final TestS3 s3;
        final SourceResolver httpResolver = new SourceResolver(AccessOptions.defaults());
        final SourceResolver s3Resolver;
        final List<HeaderMethod> methodObjects = new ArrayList<>();
        List<String> methods;
        List<Measurement> measurements;
        String cubeUrl;
        String astropy;

        PerFile() throws IOException {
            http = BenchServers.http(settings.latency(), settings.bandwidthBytes());
            s3 = BenchServers.s3(settings.latency());
            s3Resolver = new SourceResolver(s3Access(s3.endpoint(), 64));
        }

        @Override
        public void close() throws Exception {
            for (HeaderMethod m : methodObjects) {
                m.close();
            }
            httpResolver.close();
            s3Resolver.close();
            http.close();
            s3.close();
        }
    }

    private PerFile perFile(Path scratch, String python) throws Exception {
        PerFile p = new PerFile();
        Path generatedDir = Files.createDirectories(scratch.resolve("generated"));
        List<BenchFile> files = new ArrayList<>();
        if (settings.largeFiles()) {
            say("writing the generated large files (sparse) ...");
            files.addAll(BenchFiles.generated(generatedDir));
            p.cubeUrl = p.http.url("/" + files.get(0).key()); // the TESS-like cube comes first
        }
        files.addAll(BenchFiles.corpus(settings.corpusFiles()));
        BenchFiles.serve(p.http, files);
        BenchFiles.place(p.s3, files);
        p.methodObjects.addAll(methods(p, scratch, python));
        p.methods = p.methodObjects.stream().map(HeaderMethod::name).collect(Collectors.toList());
        warmUp(p.methodObjects, files);
        say("per file and method (%d runs each, median; '.' done, 'x' failed):", settings.runs());
        p.measurements = new FileRun(settings, progress).measure(files, p.methodObjects);
        return p;
    }

    private List<HeaderMethod> methods(PerFile p, Path scratch, String python) throws IOException {
        List<HeaderMethod> m = new ArrayList<>();
        m.add(new AstroCloudHttp(MethodNames.DEFAULT, WalkOptions.DEFAULT, p.http, p.httpResolver));
        m.add(new AstroCloudHttp(MethodNames.NO_PREDICTION, WalkOptions.DEFAULT.withPrefetch(0), p.http,
                p.httpResolver));
        for (int ra : settings.readAheads()) {
            m.add(new AstroCloudHttp(MethodNames.readAhead(ra), WalkOptions.DEFAULT.withReadAhead(ra), p.http,
                    p.httpResolver));
        }
        m.add(new AstroCloudS3(p.s3Resolver));
        m.add(new BlockByBlockWalk(p.http, p.httpResolver));
        m.add(new WholeFileGet(p.http, p.httpResolver, scratch, settings));
        if (python != null) {
            AstropyFsspec astropy = new AstropyFsspec(p.http, python, scratch);
            p.astropy = astropy.versions();
            m.add(astropy);
        }
        return m;
    }

    /** One unmeasured read of the smallest files by every method: JIT, connections, Python's imports. */
    private void warmUp(List<HeaderMethod> methods, List<BenchFile> files) {
        say("warming up ...");
        List<BenchFile> small = files.stream().filter(f -> !f.large()).sorted(Comparator.comparingLong(BenchFile::size))
                .limit(3).collect(Collectors.toList());
        for (int round = 0; round < 3; round++) {
            for (HeaderMethod m : methods) {
                for (BenchFile f : small) {
                    try {
                        m.read(f);
                    } catch (Exception e) {
                        // Measured (and reported) later.
                    }
                }
            }
        }
    }

    private MemoryResult memory(String cubeUrl) {
        if (settings.memoryWalks() <= 0 || cubeUrl == null) {
            note("memory probe skipped in the " + settings.profile() + " profile");
            return null;
        }
        say("walking the 44 GB cube %d times in a child JVM under -Xmx%s ...", settings.memoryWalks(),
                MemoryRun.MAX_HEAP);
        return MemoryRun.walk(cubeUrl, settings.memoryWalks());
    }

    /** Access to the benchmark's S3 server as a user of a public bucket gets it (unsigned requests). */
    static AccessOptions s3Access(URI endpoint, int concurrency) {
        return AccessOptions.builder().s3(S3Access.builder().anonymous(true).endpoint(endpoint).pathStyle(true)
                .region("us-east-1").maxConnections(Defaults.connections(concurrency)).build()).build();
    }

    private void note(String text) {
        notes.add(text);
        say("note: %s", text);
    }

    private void say(String format, Object... args) {
        progress.println(String.format(java.util.Locale.ROOT, format, args));
        progress.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
