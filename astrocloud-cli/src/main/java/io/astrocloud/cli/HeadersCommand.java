package io.astrocloud.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.json.FitsJson;
import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.HeaderScanner;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.settings.Defaults;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code astrocloud headers URL...}: every HDU's header, read with range requests. */
@Command(name = "headers", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Print the header of every HDU of each FITS file, reading only the headers, with what it"
                + " describes in IVOA ObsCore terms (product type, sky footprint, time span). Name objects, "
                + "or prefixes ending in / (s3://, gs://, az://, Spaces URLs) to walk every FITS file under them."})
final class HeadersCommand implements Callable<Integer> {
    @Mixin
    AccessMixin access;

    @Mixin
    ProgressMixin progress;

    @Parameters(arity = "1..*", paramLabel = "URL",
            description = "s3://bucket/key, s3://bucket/prefix/, https://..., or a local path.")
    List<String> urls;

    @ArgGroup(exclusive = true)
    Format format;

    /** Text (the default), or one of the two JSON forms. */
    static final class Format {
        @Option(names = "--json", required = true, description = "One JSON document per file instead of text.")
        boolean json;

        @Option(names = "--jsonl", required = true, description = "One compact JSON line per file (JSON Lines).")
        boolean jsonl;
    }

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Defaults.CONCURRENCY,
            description = "Files walked at once when several are named (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Keys kept when listing a prefix (default: FITS file names, optionally gzipped).")
    Pattern include = FitsNames.DEFAULT;

    @Option(names = "--max-cards", paramLabel = "N", defaultValue = "0",
            description = "Print at most N cards per HDU (default: all).")
    int maxCards;

    @Option(names = "--no-cards", description = "Leave the cards out: each HDU's offsets, sizes and ObsCore"
            + " description only (a compact catalog with --jsonl).")
    boolean noCards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1) {
            throw access.usage("--concurrency must be at least 1, got " + concurrency);
        }
        WalkOptions walkOptions = access.walk();
        AccessOptions options = access.access();
        options = options.toBuilder()
                .s3(options.s3().toBuilder().maxConnections(Defaults.connections(concurrency)).build()).build();
        try (SourceResolver resolver = new SourceResolver(options)) {
            if (urls.size() == 1 && !jsonl() && !resolver.isPrefix(urls.get(0))) {
                return walk(resolver, walkOptions, urls.get(0), out, err) ? 0 : 1;
            }
            return scan(resolver, walkOptions, out, err);
        }
    }

    private boolean json() {
        return format != null && format.json;
    }

    private boolean jsonl() {
        return format != null && format.jsonl;
    }

    private FitsJson.Cards cards() {
        return noCards ? FitsJson.Cards.OMITTED : FitsJson.Cards.INCLUDED;
    }

    private HeaderPrinter printer(PrintWriter out) {
        return new HeaderPrinter(out, maxCards, !noCards);
    }

    /** Several files or a prefix: walked concurrently, each printed as it completes. */
    private int scan(SourceResolver resolver, WalkOptions walkOptions, PrintWriter out, PrintWriter err) {
        ScanProgress progress = new ScanProgress(err, this.progress.shown());
        HeaderPrinter printer = printer(out);
        List<ScanResult> failed = new ArrayList<>();
        try (HeaderScanner scanner = new HeaderScanner(resolver, walkOptions, concurrency);
             Stream<ScanResult> results = scanner.scan(ScanTargets.expand(resolver, urls, include))) {
            results.forEach(r -> {
                if (jsonl() || json()) {
                    ObjectNode doc = FitsJson.walk(r.object().url(), r.info(), r.hdus(), r.stats(), r.warnings(),
                            cards());
                    if (!r.ok()) {
                        doc.put("error", Redaction.text(String.valueOf(r.error().getMessage())));
                    }
                    out.println(jsonl() ? FitsJson.text(doc) : FitsJson.pretty(doc));
                } else {
                    ObsCoreRows rows = ObsCoreRows.of(r.hdus(), r.info());
                    r.hdus().forEach(h -> printer.hdu(h, rows.row(h)));
                    printer.summary(r.object().url(), r.info(), r.stats(), r.hdus().size(), r.warnings());
                }
                out.flush();
                if (!r.ok()) {
                    failed.add(r);
                }
                progress.fileDone(r.stats().bytesFetched(), !r.ok());
            });
        }
        progress.finish();
        err.printf("%,d files, %,d failed, %s fetched in %.1f s (%.0f files/s)%n", progress.files(), failed.size(),
                ByteCount.human(progress.bytes()), progress.seconds(), progress.files() / progress.seconds());
        for (ScanResult r : failed) {
            err.println(Redaction.text("failed: " + r.object().url() + ": " + r.error().getMessage()));
        }
        err.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    private boolean walk(SourceResolver resolver, WalkOptions walkOptions, String url, PrintWriter out,
                         PrintWriter err) {
        boolean json = json();
        List<Hdu> hdus = new ArrayList<>();
        HeaderPrinter printer = printer(out);
        HeaderWalk walk = null;
        try {
            walk = HeaderWalk.over(resolver.open(url), walkOptions);
            for (Hdu h = walk.next(); h != null; h = walk.next()) {
                hdus.add(h);
                if (!json) {
                    printer.hdu(h, ObsCoreMapper.describe(h, hdus.get(0), walk.object()));
                    out.flush();
                }
            }
            if (json) {
                out.println(FitsJson.pretty(FitsJson.walk(url, walk.object(), hdus, walk.stats(), walk.warnings(),
                        cards())));
            } else {
                printer.summary(url, walk.object(), walk.stats(), hdus.size(), walk.warnings());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (json && walk != null) {
                ObjectNode doc = FitsJson.walk(url, walk.object(), hdus, walk.stats(), walk.warnings(), cards());
                doc.put("error", Redaction.text(String.valueOf(e.getMessage())));
                out.println(FitsJson.pretty(doc));
            }
            out.flush();
            err.println("error: " + Redaction.text(e.getMessage()));
            err.flush();
            return false;
        } finally {
            close(walk);
        }
    }

    private static void close(HeaderWalk walk) {
        if (walk != null) {
            try {
                walk.close();
            } catch (IOException e) {
                // Closing after a finished or failed walk: nothing to report.
            }
        }
    }
}
