package io.astrocloud.bench;

import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.InstrumentedBlobStore;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The servers the benchmark reads from, each with the configured latency added to every GET:
 * S3Proxy as a public bucket (unsigned requests, as {@code stpubdata} takes them) and the HTTP
 * server with Range, optionally capped in bandwidth per response.
 */
final class BenchServers {
    private BenchServers() {
    }

    /** S3Proxy in this process over a temporary directory, with a bucket for the benchmark. */
    static TestS3 s3(Duration latency) throws IOException {
        AtomicReference<InstrumentedBlobStore> store = new AtomicReference<>();
        TestS3 s3 = TestS3.startEmbedded(true, s -> {
            store.set(new InstrumentedBlobStore(s).latency(latency));
            return store.get();
        });
        s3.createBucket(BenchFiles.BUCKET);
        return s3;
    }

    /** The HTTP server in this process. */
    static RangeHttpServer http(Duration latency, long bytesPerSecond) throws IOException {
        return RangeHttpServer.start().latency(latency).bandwidth(bytesPerSecond);
    }
}
