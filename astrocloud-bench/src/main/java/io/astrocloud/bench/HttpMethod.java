package io.astrocloud.bench;

import io.astrocloud.testkit.http.RangeHttpServer;

/**
 * A method that reads over the benchmark's HTTP server, counted the same way for all: requests
 * and bytes on the server side (whatever the client thinks it asked for), wall time around the
 * whole read.
 */
abstract class HttpMethod implements HeaderMethod {
    private final RangeHttpServer server;

    HttpMethod(RangeHttpServer server) {
        this.server = server;
    }

    /** What a read found: HDUs and, when the client can tell, the rounds (else -1: one per request). */
    record Walked(int hdus, int rounds) {
    }

    /** Reads every header at {@code url}. */
    abstract Walked walk(String url, BenchFile file) throws Exception;

    @Override
    public Trial read(BenchFile file) throws Exception {
        settle();
        server.resetCounters();
        long start = System.nanoTime();
        Walked w = walk(server.url("/" + file.key()), file);
        long nanos = System.nanoTime() - start;
        settle(); // requests the client gave up on (unused prefetches) still count once they are served
        long requests = server.requests();
        return new Trial(w.hdus(), requests, server.bytesSent(), w.rounds() < 0 ? (int) requests : w.rounds(), nanos,
                false);
    }

    /** Waits until the server has answered everything, so that counts belong to one read. */
    private void settle() {
        server.awaitIdle(java.time.Duration.ofSeconds(5));
    }
}
