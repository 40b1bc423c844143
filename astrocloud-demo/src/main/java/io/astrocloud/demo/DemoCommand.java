package io.astrocloud.demo;

import io.astrocloud.auth.S3Access;
import io.astrocloud.cli.ByteCount;
import io.astrocloud.cli.HeaderPrinter;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.samples.indexing.UploadWalkthrough;
import io.astrocloud.samples.invoke.InvokeWalkthrough;
import io.astrocloud.samples.kafka.KafkaWalkthrough;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.fits.TessFullFrameImage;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.kafka.KafkaBroker;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code astrocloud demo}: the whole idea on this machine, with no network and no account. An
 * S3-compatible server (S3Proxy) and DynamoDB Local start in this process and a Kafka broker as
 * its own process (Kafka's jars, resolved by the build); generated FITS files go into S3 (a 44 GB
 * TESS-like cube stored sparse, an 81-HDU HST-like file, a tile-compressed image, a table with a
 * large heap, a TESS full-frame image with a TAN-SIP WCS) and each is walked over the S3 protocol
 * and described in IVOA ObsCore terms. Then the three ways of using astro-cloud,
 * as the samples module holds them: a Camel route to Kafka, indexing on upload, and the Lambda
 * function invoked with an event file. The byte accounting closes the run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Walk generated FITS files (one of 44 GB) in an embedded S3 server and describe each HDU"
                + " (ObsCore), then route them to Kafka, index them on upload and invoke the Lambda function;"
                + " no network needed.")
final class DemoCommand implements Callable<Integer> {
    private static final String BUCKET = "demo-archive";
    private static final int STEPS = 7;

    @Option(names = "--max-cards", paramLabel = "N", defaultValue = "12",
            description = "Cards to print per HDU (default: ${DEFAULT-VALUE}; 0: all).")
    int maxCards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        out.println("astro-cloud demo: every server runs on this machine; no network, no cloud account.");
        out.println();
        step(out, 1, "Starting the servers: S3 (S3Proxy, in-process, SigV4), DynamoDB Local (in-process),"
                + " a Kafka broker");
        Path scratch = Files.createTempDirectory("astrocloud-demo");
        try (DemoKafka kafka = DemoKafka.startInBackground();
             TestS3 s3 = TestS3.startEmbedded(false, null); RangeHttpServer http = RangeHttpServer.start();
             TestDynamo dynamo = TestDynamo.start()) {
            out.println("      S3        " + s3.endpoint() + "  bucket " + BUCKET);
            out.println("      DynamoDB  " + dynamo.endpoint());
            out.println("      Kafka     starting in the background from " + DemoKafka.origin());
            s3.createBucket(BUCKET);
            out.println();
            step(out, 2, "Writing generated FITS files into S3:");
            Map<String, String> urls = place(s3, http, scratch, out);
            out.println();
            step(out, 3, "Walking each file's headers over the S3 protocol (ranged GETs only):");
            List<String[]> rows = new ArrayList<>();
            Map<String, ObsCoreRows> described = new LinkedHashMap<>();
            AccessOptions access = AccessOptions.builder().s3Client(s3.admin())
                    .s3(S3Access.builder().endpoint(s3.endpoint()).pathStyle(true).build()).build();
            try (SourceResolver resolver = new SourceResolver(access)) {
                for (Map.Entry<String, String> e : urls.entrySet()) {
                    rows.add(walk(resolver, e.getKey(), e.getValue(), described, out));
                }
            }
            out.println();
            step(out, 4, "Each HDU described from its header alone, as IVOA ObsCore rows (headers --json gives them"
                    + " as \"obs\"):");
            new ObsCoreStep(out, 6).print(described);
            out.println();
            step(out, 5, "A Camel route, from(\"astrocloud:headers?url=...\").to(\"kafka:...\"): one record per HDU");
            routeToKafka(kafka, new ArrayList<>(urls.keySet()).subList(0, 2), s3, out);
            out.println();
            step(out, 6, "Indexing on upload: upload to S3, S3's event to the Lambda handler, query DynamoDB");
            UploadWalkthrough.run(s3, dynamo, UploadWalkthrough.TABLE, out);
            out.println();
            step(out, 7, "Direct invocation of the Lambda function with the event files of samples/events");
            InvokeWalkthrough.run(s3, dynamo, UploadWalkthrough.TABLE + "-invoke", out);
            printAccounting(rows, out);
        } finally {
            deleteTree(scratch);
        }
        out.printf(Locale.ROOT, "%nDemo done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    private static void step(PrintWriter out, int n, String what) {
        out.println("[" + n + "/" + STEPS + "] " + what);
    }

    private static void routeToKafka(DemoKafka kafka, List<String> urls, TestS3 s3, PrintWriter out) throws Exception {
        KafkaBroker broker;
        try {
            broker = kafka.await();
        } catch (IOException e) {
            out.println("      SKIPPED: the Kafka broker did not start, so this step cannot run here: " + firstLine(e));
            return;
        }
        out.println("      broker " + broker.bootstrapServers()
                + (broker.embedded() ? " (pid " + broker.pid() + ")" : " (external)"));
        // The astrocloud component autowires the one S3Client of the registry: the embedded server's.
        KafkaWalkthrough.run(broker.bootstrapServers(), urls, Map.of("s3Client", s3.admin()), out);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m;
    }

    private Map<String, String> place(TestS3 s3, RangeHttpServer http, Path scratch, PrintWriter out)
            throws IOException {
        Map<String, List<HduSpec>> files = new LinkedHashMap<>();
        files.put("tess/tess-s0022-4-4-cube.fits", SyntheticFits.tessCube());
        files.put("hst/ibxl50clq_raw.fits", SyntheticFits.hstWfc3Ir(16));
        files.put("tess/s0014-1-1-0150-s_ffic.fits", TessFullFrameImage.hdus());
        files.put("hst/compressed_sci.fits.fz", SyntheticFits.tileCompressedImage());
        files.put("spectra/wide_table_heap.fits", SyntheticFits.wideTableWithHeap());
        Map<String, String> urls = new LinkedHashMap<>();
        for (Map.Entry<String, List<HduSpec>> f : files.entrySet()) {
            String key = f.getKey();
            long size;
            String url;
            String how;
            try {
                size = s3.placeSparse(BUCKET, key, f.getValue());
                url = "s3://" + BUCKET + "/" + key;
                how = "S3";
            } catch (IOException | UnsupportedOperationException noXattrs) {
                // S3Proxy takes ETags from an extended attribute; without one it would hash the whole
                // (sparse, 44 GB) file. Serve such a file over HTTP instead, and say so.
                Path file = scratch.resolve(key);
                size = SparseFitsWriter.write(file, f.getValue());
                http.put("/" + BUCKET + "/" + key, file);
                url = http.url("/" + BUCKET + "/" + key);
                how = "HTTP (this file system has no extended attributes for S3Proxy's ETag)";
            }
            out.printf("      %-36s %10s  %2d HDUs  sparse, served over %s%n", key, ByteCount.human(size),
                    f.getValue().size(), how);
            urls.put(url, key);
        }
        return urls;
    }

    private String[] walk(SourceResolver resolver, String url, String name, Map<String, ObsCoreRows> described,
                          PrintWriter out) throws IOException {
        out.println();
        out.println("== " + url);
        HeaderPrinter printer = new HeaderPrinter(out, maxCards);
        long headerBytes = 0;
        int hdus = 0;
        try (HeaderWalk walk = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
            TransferStats stats = walk.stats();
            ObsCoreRows rows = ObsCoreRows.of(walk.toList(), walk.object());
            for (Hdu h : rows.hdus()) {
                printer.hdu(h, rows.row(h));
                headerBytes += h.headerSize();
                hdus++;
            }
            described.put(url, rows);
            printer.summary(url, walk.object(), stats, hdus, walk.warnings());
            long size = walk.object().size();
            return new String[] {name, ByteCount.human(size), Integer.toString(hdus), ByteCount.grouped(headerBytes),
                    Long.toString(stats.requests()), ByteCount.grouped(stats.bytesFetched()),
                    String.format(java.util.Locale.ROOT, "%.5f%%", 100.0 * stats.bytesFetched() / size)};
        }
    }

    private static void printAccounting(List<String[]> rows, PrintWriter out) {
        out.println();
        out.println("Byte accounting of step 3 (data segments are skipped, never fetched; the indexer's reads"
                + " are in its log lines above):");
        String format = "  %-32s %10s %5s %14s %9s %14s %11s%n";
        out.printf(format, "file", "size", "HDUs", "header bytes", "requests", "bytes fetched", "of size");
        for (String[] r : rows) {
            out.printf(format, (Object[]) r);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
