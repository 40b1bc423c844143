package io.astrocloud.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.HeaderWalker;
import io.astrocloud.json.FitsJson;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code astrocloud headers URL...}: every HDU's header, read with range requests. */
@Command(name = "headers", mixinStandardHelpOptions = true,
        description = "Print the header of every HDU of each FITS file, reading only the headers.")
final class HeadersCommand implements Callable<Integer> {
    @Mixin
    AccessMixin access;

    @Parameters(arity = "1..*", paramLabel = "URL",
            description = "s3://bucket/key, https://..., or a local path.")
    List<String> urls;

    @Option(names = "--json", description = "One JSON document per file instead of text.")
    boolean json;

    @Option(names = "--max-cards", paramLabel = "N", defaultValue = "0",
            description = "Print at most N cards per HDU (default: all).")
    int maxCards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        try (SourceResolver resolver = new SourceResolver(access.access())) {
            for (String url : urls) {
                if (!walk(resolver, url, out, err)) {
                    failures++;
                }
            }
        }
        out.flush();
        if (failures > 0 && urls.size() > 1) {
            err.printf("%d of %d files failed%n", failures, urls.size());
        }
        return failures == 0 ? 0 : 1;
    }

    private boolean walk(SourceResolver resolver, String url, PrintWriter out, PrintWriter err) {
        TransferStats stats = new TransferStats();
        List<Hdu> hdus = new ArrayList<>();
        HeaderPrinter printer = new HeaderPrinter(out, maxCards);
        HeaderWalk walk = null;
        try {
            walk = HeaderWalker.walk(resolver.open(url, stats), access.walk(), stats);
            for (Hdu h = walk.next(); h != null; h = walk.next()) {
                hdus.add(h);
                if (!json) {
                    printer.hdu(h);
                    out.flush();
                }
            }
            if (json) {
                out.println(FitsJson.pretty(FitsJson.walk(url, walk.object(), hdus, stats, walk.warnings())));
            } else {
                printer.summary(walk, hdus.size());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (json && walk != null) {
                ObjectNode doc = FitsJson.walk(url, walk.object(), hdus, stats, walk.warnings());
                doc.put("error", String.valueOf(e.getMessage()));
                out.println(FitsJson.pretty(doc));
            }
            out.flush();
            err.println("error: " + e.getMessage());
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
