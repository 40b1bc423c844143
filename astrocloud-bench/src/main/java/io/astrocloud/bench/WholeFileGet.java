package io.astrocloud.bench;

import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.source.ObjectStream;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Download the file, then read its headers locally: one GET of the whole object into a temporary
 * file, walked from disk. Files over a limit (the 44 GB cube) are not downloaded: their cost is
 * computed from the latency and the bandwidth cap, and marked as such in the report.
 */
final class WholeFileGet extends HttpMethod {
    private final SourceResolver resolver;
    private final Path scratch;
    private final long limit;
    private final Duration latency;
    private final long bytesPerSecond;

    WholeFileGet(RangeHttpServer server, SourceResolver resolver, Path scratch, BenchSettings settings) {
        super(server);
        this.resolver = resolver;
        this.scratch = scratch;
        this.limit = settings.wholeFileLimit();
        this.latency = settings.latency();
        this.bytesPerSecond = settings.bandwidthBytes();
    }

    @Override
    public String name() {
        return MethodNames.WHOLE_FILE;
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public Trial read(BenchFile file) throws Exception {
        if (file.size() > limit && bytesPerSecond > 0) {
            long nanos = latency.toNanos() + file.size() * 1_000_000_000L / bytesPerSecond;
            return new Trial(file.hdus(), 1, file.size(), 1, nanos, true);
        }
        return super.read(file);
    }

    @Override
    Walked walk(String url, BenchFile file) throws IOException {
        Path copy = Files.createTempFile(scratch, "download", ".fits");
        try {
            try (RangeSource source = resolver.backend(url);
                 ObjectStream body = source.open(0, null);
                 OutputStream out = Files.newOutputStream(copy)) {
                body.transferTo(out);
            }
            try (HeaderWalk walk = HeaderWalk.over(new FileRangeSource(copy), WalkOptions.DEFAULT)) {
                return new Walked(walk.toList().size(), 1);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
