package io.astrocloud.bench;

import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import java.io.IOException;

/** An astro-cloud walk of one URL with each request's time in flight recorded, for counting rounds. */
final class TimedWalk {
    private TimedWalk() {
    }

    /** What the walk found and what it cost on the client side. */
    record Result(int hdus, int rounds, TransferStats stats) {
    }

    /** Walks every header at {@code url} as {@code AstroCloud.walk} would, with the same wrappers. */
    static Result walk(SourceResolver resolver, String url, WalkOptions options) throws IOException {
        RequestTimeline timeline = new RequestTimeline();
        RangeSource timed = new TimedSource(resolver.backend(url), timeline);
        int hdus;
        TransferStats stats;
        try (HeaderWalk walk = HeaderWalk.over(resolver.decorate(timed, ObjectInfo.UNKNOWN), options)) {
            hdus = walk.toList().size();
            stats = walk.stats();
        }
        return new Result(hdus, timeline.rounds(), stats);
    }
}
