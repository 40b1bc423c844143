package io.astrocloud.cli;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.HeaderWalker;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code astrocloud demo}: the whole idea on this machine, with no network and no account. An
 * S3-compatible server (S3Proxy) starts in this process, generated FITS files go into it (a 44 GB
 * TESS-like cube stored sparse, an 81-HDU HST-like file, a tile-compressed image, a table with a
 * large heap), and each is walked over the S3 protocol; the byte accounting closes the run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk generated FITS files (one of 44 GB) in an embedded S3 server; no network needed.")
final class DemoCommand implements Callable<Integer> {
    private static final String BUCKET = "demo-archive";

    @Option(names = "--max-cards", paramLabel = "N", defaultValue = "12",
            description = "Cards to print per HDU (default: ${DEFAULT-VALUE}; 0: all).")
    int maxCards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("astro-cloud demo: everything runs in this process; no network, no cloud account.");
        out.println();
        out.println("[1/3] Starting an S3-compatible server (S3Proxy, in-process, SigV4) ...");
        Path scratch = Files.createTempDirectory("astrocloud-demo");
        try (TestS3 s3 = TestS3.startEmbedded(false, null); RangeHttpServer http = RangeHttpServer.start()) {
            out.println("      " + s3.endpoint() + "  bucket " + BUCKET);
            s3.createBucket(BUCKET);
            out.println();
            out.println("[2/3] Writing generated FITS files into it:");
            Map<String, String> urls = place(s3, http, scratch, out);
            out.println();
            out.println("[3/3] Walking each file's headers over the S3 protocol (ranged GETs only):");
            List<String[]> rows = new ArrayList<>();
            AccessOptions access = AccessOptions.builder().s3Client(s3.admin())
                    .s3(S3Access.builder().endpoint(s3.endpoint()).pathStyle(true).build()).build();
            try (SourceResolver resolver = new SourceResolver(access)) {
                for (Map.Entry<String, String> e : urls.entrySet()) {
                    rows.add(walk(resolver, e.getKey(), e.getValue(), out));
                }
            }
            printAccounting(rows, out);
        } finally {
            deleteTree(scratch);
        }
        out.flush();
        return 0;
    }

    private Map<String, String> place(TestS3 s3, RangeHttpServer http, Path scratch, PrintWriter out)
            throws IOException {
        Map<String, List<HduSpec>> files = new LinkedHashMap<>();
        files.put("tess/tess-s0022-4-4-cube.fits", SyntheticFits.tessCube());
        files.put("hst/ibxl50clq_raw.fits", SyntheticFits.hstWfc3Ir(16));
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

    private String[] walk(SourceResolver resolver, String url, String name, PrintWriter out) throws IOException {
        out.println();
        out.println("== " + url);
        TransferStats stats = new TransferStats();
        HeaderPrinter printer = new HeaderPrinter(out, maxCards);
        long headerBytes = 0;
        int hdus = 0;
        try (HeaderWalk walk = HeaderWalker.walk(resolver.open(url, stats), WalkOptions.DEFAULT, stats)) {
            for (Hdu h = walk.next(); h != null; h = walk.next()) {
                printer.hdu(h);
                headerBytes += h.headerSize();
                hdus++;
            }
            printer.summary(url, walk.object(), stats, hdus, walk.warnings());
            long size = walk.object().size();
            return new String[] {name, ByteCount.human(size), Integer.toString(hdus), ByteCount.grouped(headerBytes),
                    Long.toString(stats.requests()), ByteCount.grouped(stats.bytesFetched()),
                    String.format(java.util.Locale.ROOT, "%.5f%%", 100.0 * stats.bytesFetched() / size)};
        }
    }

    private static void printAccounting(List<String[]> rows, PrintWriter out) {
        out.println();
        out.println("Byte accounting (data segments are skipped, never fetched):");
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
