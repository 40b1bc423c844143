package io.astrocloud.bench;

import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.http.RangeHttpServer;

/** astro-cloud's walker over HTTP with given walk options (the default, a read-ahead, no prediction). */
final class AstroCloudHttp extends HttpMethod {
    private final String name;
    private final WalkOptions options;
    private final SourceResolver resolver;

    AstroCloudHttp(String name, WalkOptions options, RangeHttpServer server, SourceResolver resolver) {
        super(server);
        this.name = name;
        this.options = options;
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    Walked walk(String url, BenchFile file) throws Exception {
        TimedWalk.Result r = TimedWalk.walk(resolver, url, options);
        return new Walked(r.hdus(), r.rounds());
    }
}
