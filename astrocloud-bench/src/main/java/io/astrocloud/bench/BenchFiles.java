package io.astrocloud.bench;

import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of the per-file tables: the generated large files (a 44 GB TESS-like cube, an
 * 81-HDU HST WFC3/IR-like file, a tile-compressed image, a wide table with a 300 MB heap), written
 * sparse, and the real corpus files astropy maps to standard HDUs (gzip files are left out: no
 * reader can reach their HDUs with ranges). Header bytes come from the generator for generated
 * files and from astropy's golden records for the corpus, never from astro-cloud itself.
 */
final class BenchFiles {
    /** The bucket both the per-file run and the throughput run use on S3. */
    static final String BUCKET = "bench";

    private BenchFiles() {
    }

    /** The generated large files, written under {@code dir}. */
    static List<BenchFile> generated(Path dir) throws IOException {
        Map<String, List<HduSpec>> specs = generatedSpecs();
        List<BenchFile> files = new ArrayList<>();
        for (Map.Entry<String, List<HduSpec>> e : specs.entrySet()) {
            Path file = dir.resolve(e.getKey());
            long size = SparseFitsWriter.write(file, e.getValue());
            long headers = e.getValue().stream().mapToLong(h -> h.header().length).sum();
            files.add(new BenchFile(e.getKey(), true, file, size, e.getValue().size(), headers));
        }
        return files;
    }

    /** The layouts of the generated files, by file name. */
    static Map<String, List<HduSpec>> generatedSpecs() {
        Map<String, List<HduSpec>> specs = new LinkedHashMap<>();
        specs.put("tess-like-cube.fits", SyntheticFits.tessCube());
        specs.put("hst-wfc3-ir-like.fits", SyntheticFits.hstWfc3Ir(16));
        specs.put("tile-compressed.fits.fz", SyntheticFits.tileCompressedImage());
        specs.put("wide-table-heap.fits", SyntheticFits.wideTableWithHeap());
        return specs;
    }

    /** Up to {@code limit} corpus files (the largest first: they say most), with astropy's header bytes. */
    static List<BenchFile> corpus(int limit) throws IOException {
        List<BenchFile> files = new ArrayList<>();
        if (limit <= 0) {
            return files;
        }
        for (Path p : Corpus.files()) {
            String name = p.getFileName().toString();
            if (name.endsWith(".gz")) {
                continue;
            }
            JsonNode hdus = GoldenCorpus.of(name).hdus();
            if (hdus.size() == 0) {
                continue; // SIMPLE = F: astropy maps no HDUs, there is nothing to compare
            }
            long headers = 0;
            for (JsonNode h : hdus) {
                headers += h.get("headerBytes").asLong();
            }
            files.add(new BenchFile(name, false, p, Files.size(p), hdus.size(), headers));
        }
        files.sort((a, b) -> Long.compare(b.size(), a.size()));
        return files.subList(0, Math.min(limit, files.size()));
    }

    /** Serves every file over HTTP at its {@link BenchFile#key()}. */
    static void serve(RangeHttpServer http, List<BenchFile> files) throws IOException {
        for (BenchFile f : files) {
            http.put("/" + f.key(), f.local());
        }
    }

    /** Places every file on S3 under its {@link BenchFile#key()}: generated ones sparse, on S3Proxy's disk. */
    static void place(TestS3 s3, List<BenchFile> files) throws IOException {
        Map<String, List<HduSpec>> specs = generatedSpecs();
        for (BenchFile f : files) {
            if (f.generated()) {
                s3.placeSparse(BUCKET, f.key(), specs.get(f.name()));
            } else {
                s3.put(BUCKET, f.key(), f.local());
            }
        }
    }
}
