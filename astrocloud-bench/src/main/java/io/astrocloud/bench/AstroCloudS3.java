package io.astrocloud.bench;

import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.SourceResolver;

/**
 * astro-cloud's default walk over the S3 protocol (S3Proxy, SigV4, latency added in the store).
 * S3Proxy does not count bytes, so requests and bytes are the client's counts.
 */
final class AstroCloudS3 implements HeaderMethod {
    private final SourceResolver resolver;

    AstroCloudS3(SourceResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return MethodNames.S3;
    }

    @Override
    public Trial read(BenchFile file) throws Exception {
        long start = System.nanoTime();
        TimedWalk.Result r = TimedWalk.walk(resolver, "s3://" + BenchFiles.BUCKET + "/" + file.key(),
                WalkOptions.DEFAULT);
        long nanos = System.nanoTime() - start;
        return new Trial(r.hdus(), r.stats().requests(), r.stats().bytesFetched(), r.rounds(), nanos, false);
    }
}
