package io.astrocloud.cli;

import io.astrocloud.source.ObjectDownload;
import io.astrocloud.source.OpenedObject;
import io.astrocloud.source.SourceResolver;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code astrocloud get URL}: a ranged read or a streamed, resumable download. */
@Command(name = "get", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Download an object, or a byte range of it, with the same access as headers.")
final class GetCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d*)");

    @Mixin
    AccessMixin access;

    @Mixin
    ProgressMixin progress;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Option(names = "--range", paramLabel = "START-END",
            description = "Bytes START to END inclusive (END may be left out: to the end).")
    String range;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (via FILE.part, resumable) instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = 0;
        long end = -1;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                throw access.usage("--range wants START-END (bytes, END inclusive and optional), got " + range);
            }
            try {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? -1 : Math.addExact(Long.parseLong(m.group(2)), 1);
            } catch (NumberFormatException | ArithmeticException e) {
                throw access.usage("--range: a byte offset too large, got " + range);
            }
            if (end >= 0 && end <= start) {
                throw access.usage("--range: END comes before START, got " + range);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        try (SourceResolver resolver = new SourceResolver(access.access())) {
            OpenedObject source = resolver.open(url);
            // On stderr, so a download to stdout (get URL > file) still shows it on a terminal.
            ProgressBar bar = new ProgressBar(err, progress.shown());
            ObjectDownload download = new ObjectDownload(source, bar);
            if (output != null) {
                long n = download.toFile(output, start, end);
                bar.finish();
                err.printf("%s: %s bytes in %d requests%n", output, ByteCount.grouped(n), source.stats().requests());
            } else {
                OutputStream out = new BufferedOutputStream(System.out, 256 * 1024);
                download.copy(start, end, out);
                out.flush();
                bar.finish();
            }
        }
        return 0;
    }
}
